"""Loads a beancount file exported by ledgerctl, fails on any error beancount reports, and
prints {original ledgerctl account: "amount CURRENCY"} as JSON, mapping names back through the
`ledgerctl_account` metadata of each `open` directive."""
import json
import sys
from collections import defaultdict
from decimal import Decimal

from beancount import loader
from beancount.core import data

entries, errors, _options = loader.load_file(sys.argv[1])
if errors:
    for error in errors:
        print(error, file=sys.stderr)
    sys.exit(1)

original = {}
balances = defaultdict(Decimal)
currencies = {}
for entry in entries:
    if isinstance(entry, data.Open):
        original[entry.account] = entry.meta["ledgerctl_account"]
    elif isinstance(entry, data.Transaction):
        for posting in entry.postings:
            balances[posting.account] += posting.units.number
            currencies[posting.account] = posting.units.currency

print(json.dumps({original[a]: f"{balances[a]} {currencies[a]}" for a in balances}, sort_keys=True))
