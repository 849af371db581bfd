# The two commands: `make start` and `make test`. Everything they need is installed into
# the project (.tools, node_modules, infra/kafka/libs); nothing global changes.
.PHONY: start stop test lint typecheck format schemas bench train eval kafka-start kafka-stop

start:
	@scripts/start.sh

stop:
	@scripts/stop.sh

test:
	@scripts/test.sh

lint:
	@p="$$(scripts/bootstrap.sh)" && eval "$$p" && pnpm run lint

typecheck:
	@p="$$(scripts/bootstrap.sh)" && eval "$$p" && pnpm run typecheck

format:
	@p="$$(scripts/bootstrap.sh)" && eval "$$p" && pnpm run format

# Regenerates the committed JSON Schema files from the zod event contracts.
schemas:
	@p="$$(scripts/bootstrap.sh)" && eval "$$p" && pnpm run schemas

# Retrains the sentiment model from ../shared/data into services/classifier/model (reproducible).
train:
	@p="$$(scripts/bootstrap.sh)" && eval "$$p" && node services/classifier/scripts/train.ts

# Prints sentiment, urgency and topic figures on the dev splits, beside the npm lexicons.
eval:
	@p="$$(scripts/bootstrap.sh)" && eval "$$p" && node services/classifier/scripts/evaluate.ts

# Throughput benchmarks; each prints a same-run ceiling beside its figure.
bench:
	@scripts/bench.sh

kafka-start:
	@infra/kafka/kafka.sh start

kafka-stop:
	@infra/kafka/kafka.sh stop
