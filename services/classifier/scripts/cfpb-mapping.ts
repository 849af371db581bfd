// CFPB complaint issues → our default taxonomy. The consumer picked the issue on the intake form.
// Only issues whose meaning is one of our topics are mapped; the rest (e.g. "Getting the loan",
// "Vehicle was repossessed", "Advertising and marketing") have no honest counterpart in a
// small-business taxonomy and are left out of the topic figures (coverage is printed).
const MAP: Record<string, string[]> = {
  billing_refunds: [
    "Charged fees or interest you didn't expect",
    "Charged fees or interest I didn't expect",
    'Problem when making payments',
    'Fees or interest',
    'Problem with a purchase shown on your statement',
    'Trouble during payment process',
    'Problem with a lender or other company charging your account',
    "Can't stop withdrawals from your bank account",
    'Money was taken from your bank account on the wrong day or for the wrong amount',
    "Loan payment wasn't credited to your account",
    'Problem with the payoff process at the end of the loan',
    'Unexpected or other fees',
    'Wrong amount charged or received',
    'Problem with cash advance',
    'Struggling to pay your loan',
    'Struggling to pay mortgage',
    'Struggling to pay your bill',
    'Struggling to repay your loan',
    'Attempts to collect debt not owed',
    "Cont'd attempts collect debt not owed",
    'Written notification about debt',
    'Payoff process',
  ],
  account_records: [
    'Incorrect information on your report',
    'Incorrect information on credit report',
    "Problem with a credit reporting company's investigation into an existing problem",
    'Improper use of your report',
    'Improper use of my credit report',
    'Unable to get your credit report or credit score',
    'Unable to get credit report/credit score',
    'Managing an account',
    'Closing an account',
    'Closing your account',
    'Opening an account',
    'Account opening, closing, or management',
    'Credit limit changed',
  ],
  fraud_security: [
    'Fraud or scam',
    'Problem with fraud alerts or security freezes',
    'Credit monitoring or identity theft protection services',
    'Identity theft protection or other monitoring services',
    "Received a loan you didn't apply for",
    'Unauthorized transactions or other transaction problem',
    'Unauthorized transactions/trans. issues',
    'Identity theft / Fraud / Embezzlement',
  ],
  customer_service: [
    "Can't contact lender or servicer",
    'Problem with customer service',
    'Dealing with your lender or servicer',
    'Communication tactics',
  ],
}

const byIssue = new Map<string, string>()
for (const [topic, issues] of Object.entries(MAP)) for (const i of issues) byIssue.set(i, topic)

/** Our topic for a CFPB issue, or undefined when there is no honest counterpart. */
export const topicForCfpbIssue = (issue: string): string | undefined => byIssue.get(issue)
