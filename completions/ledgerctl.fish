# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ledgerctl_global_optspecs
    string join \n db= tenant= app= o/output= wide y/yes read-only actor= lock-timeout-ms= h/help V/version
end

function __fish_ledgerctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ledgerctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ledgerctl_using_subcommand
    set -l cmd (__fish_ledgerctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -f -a "init" -d 'Create a new ledger: a file (WAL, synchronous=FULL), or the schema in an empty PostgreSQL database; refuses to touch an existing one'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -f -a "wallet" -d 'Open wallets, move money, and inspect them'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -f -a "refund" -d 'The internal refund: refund a transaction, finding its wallet from the transaction'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -f -a "ledger" -d 'Prove the ledger\'s invariants and print its trial balance'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -f -a "batch" -d 'Run many operations from a CSV or JSONL file (or - for stdin), one JSON result per line'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -f -a "transaction" -d 'Look up one transaction of the tenant and application by its id'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -f -a "freeze" -d 'Look up one freeze record of the tenant and application by its id'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -f -a "token" -d 'Make, list and revoke the credentials `serve` accepts'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -f -a "policy" -d 'The tenant\'s and application\'s policy: withdrawal limits, max balance, currencies, transfers'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -f -a "withdrawal" -d 'Withdrawal review (maker-checker): request, list, show, approve, reject'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -f -a "serve" -d 'Serve the HTTP API over this ledger (the wallet routes, reads, /healthz, /openapi.json)'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -f -a "man" -d 'Print the man page (roff), or write every page with `--dir`'
complete -c ledgerctl -n "__fish_ledgerctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand init" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand init" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand init" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand init" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand init" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand init" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand init" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand init" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand init" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand init" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -f -a "create" -d 'Open a wallet for a user (one per tenant, application and user)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -f -a "show" -d 'Show a wallet\'s balance, frozen and available amounts, now or at a past moment'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -f -a "balance" -d 'Show a wallet\'s balance, frozen and available amounts alone (as GET /wallets/{user_id}/balance)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -f -a "list" -d 'List the wallets of the tenant and application'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -f -a "history" -d 'List a wallet\'s transactions, newest first'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -f -a "freezes" -d 'List a wallet\'s freeze records, newest first'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -f -a "deposit" -d 'Credit money received for the user (Dr settlement, Cr wallet)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -f -a "payment" -d 'Pay a counterparty from the wallet (Dr wallet, Cr counterparty)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -f -a "withdraw" -d 'Pay money out of the wallet (Dr wallet, Cr settlement)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -f -a "freeze" -d 'Hold part of the available balance; the total balance is unchanged'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -f -a "unfreeze" -d 'Release a freeze back to the available balance'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -f -a "capture" -d 'Post a freeze\'s held amount, all or part, as a withdrawal or a payment, releasing the rest'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -f -a "refund" -d 'Refund a payment, withdrawal or deposit of this wallet, in whole or in part'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -f -a "transfer" -d 'Move money from one user\'s wallet to another\'s (two legs, one transaction; undone by a transfer back)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -f -a "status" -d 'Show a wallet\'s status changes, or set its status (active, frozen, closed) with a reason'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -f -a "adjust" -d 'Correct a balance against equity:adjustments (asks for confirmation on a terminal)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and not __fish_seen_subcommand_from create show balance list history freezes deposit payment withdraw freeze unfreeze capture refund transfer status adjust help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from create" -l currency -d 'The wallet\'s currency, fixed for good: CNY, USD, EUR, GBP, HKD, SGD, JPY, KRW, KWD, BHD, JOD, in any case (default CNY, said on stderr when used)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from create" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from create" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from create" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from create" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from create" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from create" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from create" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from create" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from show" -l at -d 'The wallet as it was then, from the journal (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC, or a date for its midnight UTC)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from show" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from show" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from show" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from show" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from show" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from show" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from show" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from show" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from balance" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from balance" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from balance" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from balance" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from list" -l status -d 'Only wallets with this status' -r -f -a "active\t''
frozen\t''
closed\t''"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from list" -l page -d 'The page to show, from 1' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from list" -l page-size -d 'Rows per page (default 20, at most 100)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from list" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from list" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from list" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from list" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from list" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from list" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from list" -l all -d 'Every wallet in user id order, streamed as it is read (no page, no 100-row limit)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from list" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from list" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from history" -l type -d 'Only these types (repeatable): deposit, payment, withdraw, freeze, unfreeze, refund, adjust_credit, adjust_debit' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from history" -l from -d 'Only entries at or after this moment (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC, or a date for its midnight UTC)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from history" -l to -d 'Only entries before this moment (exclusive: --from 2026-04-01 --to 2026-05-01 is April)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from history" -l reference-id -d 'Only the entry with this reference' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from history" -l page -d 'The page to show, from 1' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from history" -l page-size -d 'Rows per page (default 20, at most 100)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from history" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from history" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from history" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from history" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from history" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from history" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from history" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from history" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from history" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freezes" -l status -d 'Only records in this state' -r -f -a "active\t''
released\t''
captured\t''"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freezes" -l page -d 'The page to show, from 1' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freezes" -l page-size -d 'Rows per page (default 20, at most 100)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freezes" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freezes" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freezes" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freezes" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freezes" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freezes" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freezes" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freezes" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freezes" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freezes" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freezes" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l amount -d 'The amount, e.g. 50.00 (at most the currency\'s decimals)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l description -d 'Free text recorded with the transaction' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l reference-id -d 'Makes the operation idempotent: a repeat with the same reference writes nothing' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from payment" -l counterparty -d 'The merchant or counterparty paid' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from payment" -l amount -d 'The amount, e.g. 50.00 (at most the currency\'s decimals)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from payment" -l description -d 'Free text recorded with the transaction' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from payment" -l reference-id -d 'Makes the operation idempotent: a repeat with the same reference writes nothing' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from payment" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from payment" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from payment" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from payment" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from payment" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from payment" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from payment" -l new-counterparty -d 'The counterparty may be one never paid before in this tenant and application (without it, an unknown one is refused with the closest known names)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from payment" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from payment" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from payment" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from payment" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from payment" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from withdraw" -l amount -d 'The amount, e.g. 50.00 (at most the currency\'s decimals)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from withdraw" -l description -d 'Free text recorded with the transaction' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from withdraw" -l reference-id -d 'Makes the operation idempotent: a repeat with the same reference writes nothing' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from withdraw" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from withdraw" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from withdraw" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from withdraw" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from withdraw" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from withdraw" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from withdraw" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from withdraw" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from withdraw" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from withdraw" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from withdraw" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freeze" -l amount -d 'The amount to hold' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freeze" -l reason -d 'Why the funds are held' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freeze" -l reference-id -d 'Makes the freeze idempotent: a repeat with the same reference holds nothing more' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freeze" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freeze" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freeze" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freeze" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freeze" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freeze" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freeze" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freeze" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freeze" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freeze" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from freeze" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from unfreeze" -l freeze-id -d 'The freeze record to release (frz_…)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from unfreeze" -l reason -d 'Why the funds are released (recorded on the freeze record and the unfreeze)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from unfreeze" -l reference-id -d 'Makes the unfreeze idempotent: a repeat with the same reference replays it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from unfreeze" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from unfreeze" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from unfreeze" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from unfreeze" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from unfreeze" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from unfreeze" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from unfreeze" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from unfreeze" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from unfreeze" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from unfreeze" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from unfreeze" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from capture" -l freeze-id -d 'The active freeze record to capture (frz_…)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from capture" -l amount -d 'How much of the held amount to post (at most all of it); without it, all of it. The rest is released to the available balance' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from capture" -l counterparty -d 'Pay this counterparty (a payment); without it the capture is a withdrawal to the settlement account' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from capture" -l description -d 'Free text recorded with the transaction' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from capture" -l reference-id -d 'Makes the capture idempotent: a repeat with the same reference replays it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from capture" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from capture" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from capture" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from capture" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from capture" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from capture" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from capture" -l new-counterparty -d 'The counterparty may be one never paid before in this tenant and application'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from capture" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from capture" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from capture" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from capture" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from capture" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from refund" -l transaction-id -d 'The original transaction (txn_…)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from refund" -l amount -d 'How much to refund; the whole remaining refundable amount when absent' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from refund" -l reason -d 'Why (recorded in the refund\'s description)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from refund" -l reference-id -d 'Makes the refund idempotent: a repeat with the same reference writes nothing' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from refund" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from refund" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from refund" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from refund" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from refund" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from refund" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from refund" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from refund" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from refund" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from refund" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from refund" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from transfer" -l amount -d 'The amount, e.g. 50.00 (at most the currency\'s decimals)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from transfer" -l description -d 'Free text recorded with the transaction' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from transfer" -l reference-id -d 'Makes the operation idempotent: a repeat with the same reference writes nothing' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from transfer" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from transfer" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from transfer" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from transfer" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from transfer" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from transfer" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from transfer" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from transfer" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from transfer" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from transfer" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from transfer" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from status" -l reason -d 'Why (required with a new status; recorded with who made the change)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from status" -l page -d 'The page to show, from 1' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from status" -l page-size -d 'Rows per page (default 20, at most 100)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from status" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from status" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from status" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from status" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from status" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from status" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from status" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from status" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from status" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from adjust" -l credit -d 'Add this amount to the wallet' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from adjust" -l debit -d 'Take this amount from the wallet' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from adjust" -l reason -d 'Why (required; recorded in the journal)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from adjust" -l reference-id -d 'Makes the adjustment idempotent: a repeat with the same reference writes nothing' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from adjust" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from adjust" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from adjust" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from adjust" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from adjust" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from adjust" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from adjust" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from adjust" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from adjust" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from adjust" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from adjust" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "create" -d 'Open a wallet for a user (one per tenant, application and user)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a wallet\'s balance, frozen and available amounts, now or at a past moment'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "balance" -d 'Show a wallet\'s balance, frozen and available amounts alone (as GET /wallets/{user_id}/balance)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the wallets of the tenant and application'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "history" -d 'List a wallet\'s transactions, newest first'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "freezes" -d 'List a wallet\'s freeze records, newest first'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "deposit" -d 'Credit money received for the user (Dr settlement, Cr wallet)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "payment" -d 'Pay a counterparty from the wallet (Dr wallet, Cr counterparty)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "withdraw" -d 'Pay money out of the wallet (Dr wallet, Cr settlement)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "freeze" -d 'Hold part of the available balance; the total balance is unchanged'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "unfreeze" -d 'Release a freeze back to the available balance'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "capture" -d 'Post a freeze\'s held amount, all or part, as a withdrawal or a payment, releasing the rest'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "refund" -d 'Refund a payment, withdrawal or deposit of this wallet, in whole or in part'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "transfer" -d 'Move money from one user\'s wallet to another\'s (two legs, one transaction; undone by a transfer back)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show a wallet\'s status changes, or set its status (active, frozen, closed) with a reason'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "adjust" -d 'Correct a balance against equity:adjustments (asks for confirmation on a terminal)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand refund" -l transaction-id -d 'The original transaction (txn_…)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand refund" -l amount -d 'How much to refund; the whole remaining refundable amount when absent' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand refund" -l reason -d 'Why (recorded in the refund\'s description)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand refund" -l reference-id -d 'Makes the refund idempotent: a repeat with the same reference writes nothing' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand refund" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand refund" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand refund" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand refund" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand refund" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand refund" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand refund" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand refund" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand refund" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand refund" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand refund" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -f -a "verify" -d 'Prove every invariant: hash chain, balanced entries, balances, refunds, freezes, file integrity'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -f -a "seal" -d 'Record every wallet\'s chain head in a new seal and print its anchor, to keep outside the ledger'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -f -a "trial-balance" -d 'Every account\'s debits, credits and balance, with totals per currency, now or at a past moment'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -f -a "journal" -d 'The journal entries of every wallet with their postings, newest first'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -f -a "export" -d 'The whole journal for other tools: csv, json (JSON Lines), hledger or beancount'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -f -a "reconcile" -d 'Reconcile each wallet\'s day (--date), or match a provider\'s statement against the settlement entries (--statement)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -f -a "snapshot" -d 'Store every wallet\'s balances at the end of a day that has ended, once per day'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -f -a "snapshots" -d 'The stored snapshots of --tenant/--app: a row per wallet and day, newest day first'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -f -a "copy" -d 'Copy the whole ledger, as it is, into a new ledger file or an empty PostgreSQL database, in one transaction'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and not __fish_seen_subcommand_from verify seal trial-balance journal export reconcile snapshot snapshots copy help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l anchor -d 'An anchor recorded earlier: a seal\'s seal:N:HASH (`ledger seal`) proves every wallet\'s history up to it, an entry\'s SEQ:HASH (this command\'s "head") its wallet\'s; entries removed from the end are caught (repeatable)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l wallet -d 'Only this user\'s wallet (in --tenant/--app): its chain, entries, balance history, refunds, balances and freezes, as GET /admin/wallets/{wallet_id}/integrity checks them' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from verify" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from verify" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from seal" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from seal" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from seal" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from seal" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from seal" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from seal" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from seal" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from seal" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from seal" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from seal" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from seal" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from trial-balance" -l at -d 'The balances as they were then: every entry up to and including that second (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC, or a date for its midnight UTC)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from trial-balance" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from trial-balance" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from trial-balance" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from trial-balance" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from trial-balance" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from trial-balance" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from trial-balance" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from trial-balance" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from trial-balance" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from trial-balance" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from trial-balance" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l wallet-id -d 'Only this wallet\'s entries (wlt_…)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l type -d 'Only these types (repeatable): deposit, payment, withdraw, freeze, unfreeze, refund, adjust_credit, adjust_debit' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l from -d 'Only entries at or after this moment (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC, or a date for its midnight UTC)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l to -d 'Only entries before this moment (exclusive: --from 2026-04-01 --to 2026-05-01 is April)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l reference-id -d 'Only the entry with this reference' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l page -d 'The page to show, from 1' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l page-size -d 'Rows per page (default 20, at most 100)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from journal" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from export" -l format -d 'The format to write on stdout' -r -f -a "csv\t'One row per posting'
json\t'JSON Lines: one entry per line'
hledger\t'An hledger journal'
beancount\t'A beancount ledger'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from export" -l since -d 'Only entries from this moment on (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC, or a date for its midnight UTC)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from export" -l until -d 'Only entries before this moment (exclusive: --since 2026-04-01 --until 2026-05-01 is April)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from export" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from export" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from export" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from export" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from export" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from export" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from export" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from export" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from export" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -l date -d 'The day to reconcile (YYYY-MM-DD, in the policy\'s timezone; UTC without one): every wallet\'s opening, movements and closing' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -l statement -d 'A provider\'s or bank\'s statement to match against the settlement entries (CSV with a header row; - reads stdin)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -l date-column -d 'The statement\'s column of dates (YYYY-MM-DD, or an RFC 3339 time)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -l amount-column -d 'The statement\'s column of amounts: received positive, paid out negative (-50.00)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -l reference-column -d 'The statement\'s column of references, matched against the entries\' reference_id' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -l currency -d 'The statement\'s currency: only assets:settlement:<CODE> is matched' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -l from -d 'The first day matched (inclusive; default: the statement\'s first date)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -l to -d 'The last day matched (inclusive; default: the statement\'s last date)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from reconcile" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshot" -l date -d 'The day (YYYY-MM-DD, in the policy\'s timezone), which must have ended' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshot" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshot" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshot" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshot" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshot" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshot" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshot" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshot" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshot" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshot" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshot" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshots" -l date -d 'Only this day\'s rows (YYYY-MM-DD)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshots" -l user -d 'Only this user\'s rows' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshots" -l page -d 'The page to show, from 1' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshots" -l page-size -d 'Rows per page (default 20, at most 100)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshots" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshots" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshots" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshots" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshots" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshots" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshots" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshots" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshots" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshots" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from snapshots" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from copy" -l to -d 'The new ledger: a file to create, or an empty PostgreSQL database\'s URL' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from copy" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from copy" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from copy" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from copy" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from copy" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from copy" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from copy" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from copy" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from copy" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from copy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from copy" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Prove every invariant: hash chain, balanced entries, balances, refunds, freezes, file integrity'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "seal" -d 'Record every wallet\'s chain head in a new seal and print its anchor, to keep outside the ledger'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "trial-balance" -d 'Every account\'s debits, credits and balance, with totals per currency, now or at a past moment'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "journal" -d 'The journal entries of every wallet with their postings, newest first'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "export" -d 'The whole journal for other tools: csv, json (JSON Lines), hledger or beancount'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "reconcile" -d 'Reconcile each wallet\'s day (--date), or match a provider\'s statement against the settlement entries (--statement)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "snapshot" -d 'Store every wallet\'s balances at the end of a day that has ended, once per day'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "snapshots" -d 'The stored snapshots of --tenant/--app: a row per wallet and day, newest day first'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "copy" -d 'Copy the whole ledger, as it is, into a new ledger file or an empty PostgreSQL database, in one transaction'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand batch" -l format -d 'The file\'s format; by default from its extension (.csv, .jsonl), else from its first character' -r -f -a "csv\t'Comma-separated values with a header row'
jsonl\t'One JSON object per line'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand batch" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand batch" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand batch" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand batch" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand batch" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand batch" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand batch" -l atomic -d 'All lines or none: if any line fails, nothing is committed'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand batch" -l dry-run -d 'Check and compute every line against the ledger, commit nothing'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand batch" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand batch" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand batch" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand batch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand batch" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and not __fish_seen_subcommand_from show help" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and not __fish_seen_subcommand_from show help" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and not __fish_seen_subcommand_from show help" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and not __fish_seen_subcommand_from show help" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and not __fish_seen_subcommand_from show help" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and not __fish_seen_subcommand_from show help" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and not __fish_seen_subcommand_from show help" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and not __fish_seen_subcommand_from show help" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and not __fish_seen_subcommand_from show help" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and not __fish_seen_subcommand_from show help" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Show a transaction with its wallet and user (only the tenant\'s and application\'s own)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and __fish_seen_subcommand_from show" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and __fish_seen_subcommand_from show" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and __fish_seen_subcommand_from show" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and __fish_seen_subcommand_from show" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and __fish_seen_subcommand_from show" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and __fish_seen_subcommand_from show" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and __fish_seen_subcommand_from show" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and __fish_seen_subcommand_from show" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a transaction with its wallet and user (only the tenant\'s and application\'s own)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand transaction; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and not __fish_seen_subcommand_from show help" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and not __fish_seen_subcommand_from show help" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and not __fish_seen_subcommand_from show help" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and not __fish_seen_subcommand_from show help" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and not __fish_seen_subcommand_from show help" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and not __fish_seen_subcommand_from show help" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and not __fish_seen_subcommand_from show help" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and not __fish_seen_subcommand_from show help" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and not __fish_seen_subcommand_from show help" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and not __fish_seen_subcommand_from show help" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Show a freeze record with its wallet and user (only the tenant\'s and application\'s own)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and __fish_seen_subcommand_from show" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and __fish_seen_subcommand_from show" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and __fish_seen_subcommand_from show" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and __fish_seen_subcommand_from show" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and __fish_seen_subcommand_from show" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and __fish_seen_subcommand_from show" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and __fish_seen_subcommand_from show" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and __fish_seen_subcommand_from show" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a freeze record with its wallet and user (only the tenant\'s and application\'s own)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand freeze; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "create" -d 'Make a token for --tenant and --app; its secret is printed this once and stored hashed'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "list" -d 'List every token of every tenant, newest first (never their secrets)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "revoke" -d 'Revoke a token for good: its next request is refused with 401'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from create" -l user -d 'Reach only this user\'s wallet (default: every wallet of the tenant and application)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from create" -l scope -d 'read: the GET routes only; write: every wallet route; admin: the /admin/… routes too' -r -f -a "read\t'The GET routes only'
write\t'Every wallet route, money movements included'
admin\t'Every route, the /admin/… ones too, on every wallet of the tenant and application; never bound to one user'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from create" -l expires -d 'Lifetime (30d, 12h, 90m) or an RFC 3339 moment; at most 3650 days (default: never)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from create" -l name -d 'A label for people, shown by `token list` (e.g. what or who the token is for)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from create" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from create" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from create" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from create" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from create" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from create" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from create" -l internal -d 'An internal API key (X-API-Key) for POST /internal/wallet/refund instead of a bearer token'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from create" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from create" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from list" -l page -d 'The page to show, from 1' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from list" -l page-size -d 'Rows per page (default 20, at most 100)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from list" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from list" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from list" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from list" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from list" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from list" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from list" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from list" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "create" -d 'Make a token for --tenant and --app; its secret is printed this once and stored hashed'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "list" -d 'List every token of every tenant, newest first (never their secrets)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a token for good: its next request is refused with 401'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and not __fish_seen_subcommand_from show set clear history help" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and not __fish_seen_subcommand_from show set clear history help" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and not __fish_seen_subcommand_from show set clear history help" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and not __fish_seen_subcommand_from show set clear history help" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and not __fish_seen_subcommand_from show set clear history help" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and not __fish_seen_subcommand_from show set clear history help" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and not __fish_seen_subcommand_from show set clear history help" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and not __fish_seen_subcommand_from show set clear history help" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and not __fish_seen_subcommand_from show set clear history help" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and not __fish_seen_subcommand_from show set clear history help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and not __fish_seen_subcommand_from show set clear history help" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and not __fish_seen_subcommand_from show set clear history help" -f -a "show" -d 'Show the policy (the default when none is set: no limits, every currency, transfers on, UTC)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and not __fish_seen_subcommand_from show set clear history help" -f -a "set" -d 'Change the fields given, keep the others; every change is recorded in the policy history'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and not __fish_seen_subcommand_from show set clear history help" -f -a "clear" -d 'Remove the policy: the default holds again (recorded in the history)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and not __fish_seen_subcommand_from show set clear history help" -f -a "history" -d 'The policy\'s recorded changes, newest first'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and not __fish_seen_subcommand_from show set clear history help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from show" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from show" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from show" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from show" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from show" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from show" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from show" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from show" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l min-withdraw-amount -d 'The smallest withdrawal allowed (0: none)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l daily-withdraw-limit -d 'The most a wallet may withdraw in a day of the policy\'s timezone (0: no limit)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l monthly-withdraw-limit -d 'The most a wallet may withdraw in a month of the policy\'s timezone (0: no limit)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l max-balance -d 'The most a wallet may hold after a deposit or an incoming transfer (0: no limit)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l supported-currencies -d 'Currencies new wallets may have, comma-separated (CNY,USD); "" for every one' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l transfer-enabled -d 'Whether wallets may transfer to one another' -r -f -a "true\t''
false\t''"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l withdrawal-require-review -d 'Withdrawals wait for another actor\'s approval (`withdrawal request`); a direct withdrawal is then refused (review_required), except up to --auto-approve-limit' -r -f -a "true\t''
false\t''"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l auto-approve-limit -d 'With review required, a withdrawal of at most this much needs none (0: every one is reviewed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l timezone -d 'The IANA timezone days and months of the limits are counted in (Asia/Shanghai)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from clear" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from clear" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from clear" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from clear" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from clear" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from clear" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from clear" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from clear" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from clear" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from clear" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from history" -l page -d 'The page to show, from 1' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from history" -l page-size -d 'Rows per page (default 20, at most 100)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from history" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from history" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from history" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from history" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from history" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from history" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from history" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from history" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from history" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the policy (the default when none is set: no limits, every currency, transfers on, UTC)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change the fields given, keep the others; every change is recorded in the policy history'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Remove the policy: the default holds again (recorded in the history)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "history" -d 'The policy\'s recorded changes, newest first'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and not __fish_seen_subcommand_from request list show approve reject help" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and not __fish_seen_subcommand_from request list show approve reject help" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and not __fish_seen_subcommand_from request list show approve reject help" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and not __fish_seen_subcommand_from request list show approve reject help" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and not __fish_seen_subcommand_from request list show approve reject help" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and not __fish_seen_subcommand_from request list show approve reject help" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and not __fish_seen_subcommand_from request list show approve reject help" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and not __fish_seen_subcommand_from request list show approve reject help" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and not __fish_seen_subcommand_from request list show approve reject help" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and not __fish_seen_subcommand_from request list show approve reject help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and not __fish_seen_subcommand_from request list show approve reject help" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and not __fish_seen_subcommand_from request list show approve reject help" -f -a "request" -d 'Ask for a withdrawal: the amount is held at once and leaves when another actor approves'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and not __fish_seen_subcommand_from request list show approve reject help" -f -a "list" -d 'List the requests, newest first: every user\'s, or one user\'s (--user)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and not __fish_seen_subcommand_from request list show approve reject help" -f -a "show" -d 'Show one request'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and not __fish_seen_subcommand_from request list show approve reject help" -f -a "approve" -d 'Approve a pending request: its held amount leaves the ledger (never by its requester)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and not __fish_seen_subcommand_from request list show approve reject help" -f -a "reject" -d 'Reject a pending request: its hold is released to the available balance (never by its requester)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and not __fish_seen_subcommand_from request list show approve reject help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from request" -l amount -d 'The amount, a decimal string with at most the currency\'s decimals' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from request" -l remark -d 'Why, for the reviewer (kept as the hold\'s reason too)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from request" -l reference-id -d 'Makes the request safe to repeat: the same request again answers the first one' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from request" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from request" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from request" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from request" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from request" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from request" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from request" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from request" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from request" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from request" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from request" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from list" -l user -d 'Only this user\'s requests' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from list" -l status -d 'Only this status: pending (the reviewers\' queue), approved or rejected' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from list" -l page -d 'The page to show, from 1' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from list" -l page-size -d 'Rows per page (default 20, at most 100)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from list" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from list" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from list" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from list" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from list" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from list" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from list" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from list" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from show" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from show" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from show" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from show" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from show" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from show" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from show" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from show" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from approve" -l approved-by -d 'The approver\'s name, recorded beside the deciding actor' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from approve" -l remark -d 'Why, recorded with the decision' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from approve" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from approve" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from approve" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from approve" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from approve" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from approve" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from approve" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from approve" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from approve" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from approve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from approve" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from reject" -l remark -d 'Why, recorded with the decision and as the hold\'s release reason' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from reject" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from reject" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from reject" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from reject" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from reject" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from reject" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from reject" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from reject" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from reject" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from reject" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from reject" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from help" -f -a "request" -d 'Ask for a withdrawal: the amount is held at once and leaves when another actor approves'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the requests, newest first: every user\'s, or one user\'s (--user)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one request'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from help" -f -a "approve" -d 'Approve a pending request: its held amount leaves the ledger (never by its requester)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from help" -f -a "reject" -d 'Reject a pending request: its hold is released to the available balance (never by its requester)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand withdrawal; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand serve" -l listen -d 'The public listener: the wallet routes, /healthz and /openapi.json' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand serve" -l internal-listen -d 'The internal listener, the only one serving POST /internal/wallet/refund' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand serve" -l commit-group-max -d 'Concurrent writes committed together in one transaction (1: one transaction per request)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand serve" -l request-timeout-ms -d 'How long a request may wait to be started before it is answered 503 request_timeout, nothing written' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand serve" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand serve" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand serve" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand serve" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand serve" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand serve" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand serve" -l quiet -d 'No access log on stderr (one line per request: time, method, path, status, microseconds, token id; never a secret)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand serve" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand serve" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand serve" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand serve" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand completions" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand completions" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand completions" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand completions" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand completions" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand completions" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand completions" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand completions" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand completions" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand man" -l dir -d 'Write ledgerctl.1 and one page per subcommand (ledgerctl-wallet-withdraw.1, …) here' -r -F
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand man" -l db -d 'The ledger: a SQLite file\'s path, or a PostgreSQL database\'s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand man" -l tenant -d 'The tenant whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand man" -l app -d 'The application whose wallets this command reaches' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand man" -s o -l output -d 'Tables for people, or exactly one JSON envelope for scripts' -r -f -a "table\t'Tables for people'
json\t'One JSON envelope per command, for scripts'
csv\t'CSV with a header row, for spreadsheets: list commands only'"
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand man" -l actor -d 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand man" -l lock-timeout-ms -d 'How long to wait for another writer\'s lock before failing with exit 6' -r
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand man" -l wide -d 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand man" -s y -l yes -d 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand man" -l read-only -d 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand man" -s V -l version -d 'Print version'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and not __fish_seen_subcommand_from init wallet refund ledger batch transaction freeze token policy withdrawal serve completions man help" -f -a "init" -d 'Create a new ledger: a file (WAL, synchronous=FULL), or the schema in an empty PostgreSQL database; refuses to touch an existing one'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and not __fish_seen_subcommand_from init wallet refund ledger batch transaction freeze token policy withdrawal serve completions man help" -f -a "wallet" -d 'Open wallets, move money, and inspect them'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and not __fish_seen_subcommand_from init wallet refund ledger batch transaction freeze token policy withdrawal serve completions man help" -f -a "refund" -d 'The internal refund: refund a transaction, finding its wallet from the transaction'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and not __fish_seen_subcommand_from init wallet refund ledger batch transaction freeze token policy withdrawal serve completions man help" -f -a "ledger" -d 'Prove the ledger\'s invariants and print its trial balance'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and not __fish_seen_subcommand_from init wallet refund ledger batch transaction freeze token policy withdrawal serve completions man help" -f -a "batch" -d 'Run many operations from a CSV or JSONL file (or - for stdin), one JSON result per line'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and not __fish_seen_subcommand_from init wallet refund ledger batch transaction freeze token policy withdrawal serve completions man help" -f -a "transaction" -d 'Look up one transaction of the tenant and application by its id'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and not __fish_seen_subcommand_from init wallet refund ledger batch transaction freeze token policy withdrawal serve completions man help" -f -a "freeze" -d 'Look up one freeze record of the tenant and application by its id'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and not __fish_seen_subcommand_from init wallet refund ledger batch transaction freeze token policy withdrawal serve completions man help" -f -a "token" -d 'Make, list and revoke the credentials `serve` accepts'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and not __fish_seen_subcommand_from init wallet refund ledger batch transaction freeze token policy withdrawal serve completions man help" -f -a "policy" -d 'The tenant\'s and application\'s policy: withdrawal limits, max balance, currencies, transfers'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and not __fish_seen_subcommand_from init wallet refund ledger batch transaction freeze token policy withdrawal serve completions man help" -f -a "withdrawal" -d 'Withdrawal review (maker-checker): request, list, show, approve, reject'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and not __fish_seen_subcommand_from init wallet refund ledger batch transaction freeze token policy withdrawal serve completions man help" -f -a "serve" -d 'Serve the HTTP API over this ledger (the wallet routes, reads, /healthz, /openapi.json)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and not __fish_seen_subcommand_from init wallet refund ledger batch transaction freeze token policy withdrawal serve completions man help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and not __fish_seen_subcommand_from init wallet refund ledger batch transaction freeze token policy withdrawal serve completions man help" -f -a "man" -d 'Print the man page (roff), or write every page with `--dir`'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and not __fish_seen_subcommand_from init wallet refund ledger batch transaction freeze token policy withdrawal serve completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "create" -d 'Open a wallet for a user (one per tenant, application and user)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "show" -d 'Show a wallet\'s balance, frozen and available amounts, now or at a past moment'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "balance" -d 'Show a wallet\'s balance, frozen and available amounts alone (as GET /wallets/{user_id}/balance)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "list" -d 'List the wallets of the tenant and application'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "history" -d 'List a wallet\'s transactions, newest first'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "freezes" -d 'List a wallet\'s freeze records, newest first'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "deposit" -d 'Credit money received for the user (Dr settlement, Cr wallet)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "payment" -d 'Pay a counterparty from the wallet (Dr wallet, Cr counterparty)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "withdraw" -d 'Pay money out of the wallet (Dr wallet, Cr settlement)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "freeze" -d 'Hold part of the available balance; the total balance is unchanged'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "unfreeze" -d 'Release a freeze back to the available balance'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "capture" -d 'Post a freeze\'s held amount, all or part, as a withdrawal or a payment, releasing the rest'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "refund" -d 'Refund a payment, withdrawal or deposit of this wallet, in whole or in part'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "transfer" -d 'Move money from one user\'s wallet to another\'s (two legs, one transaction; undone by a transfer back)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "status" -d 'Show a wallet\'s status changes, or set its status (active, frozen, closed) with a reason'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "adjust" -d 'Correct a balance against equity:adjustments (asks for confirmation on a terminal)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "verify" -d 'Prove every invariant: hash chain, balanced entries, balances, refunds, freezes, file integrity'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "seal" -d 'Record every wallet\'s chain head in a new seal and print its anchor, to keep outside the ledger'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "trial-balance" -d 'Every account\'s debits, credits and balance, with totals per currency, now or at a past moment'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "journal" -d 'The journal entries of every wallet with their postings, newest first'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "export" -d 'The whole journal for other tools: csv, json (JSON Lines), hledger or beancount'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "reconcile" -d 'Reconcile each wallet\'s day (--date), or match a provider\'s statement against the settlement entries (--statement)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "snapshot" -d 'Store every wallet\'s balances at the end of a day that has ended, once per day'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "snapshots" -d 'The stored snapshots of --tenant/--app: a row per wallet and day, newest day first'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "copy" -d 'Copy the whole ledger, as it is, into a new ledger file or an empty PostgreSQL database, in one transaction'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from transaction" -f -a "show" -d 'Show a transaction with its wallet and user (only the tenant\'s and application\'s own)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from freeze" -f -a "show" -d 'Show a freeze record with its wallet and user (only the tenant\'s and application\'s own)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "create" -d 'Make a token for --tenant and --app; its secret is printed this once and stored hashed'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "list" -d 'List every token of every tenant, newest first (never their secrets)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "revoke" -d 'Revoke a token for good: its next request is refused with 401'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "show" -d 'Show the policy (the default when none is set: no limits, every currency, transfers on, UTC)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "set" -d 'Change the fields given, keep the others; every change is recorded in the policy history'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "clear" -d 'Remove the policy: the default holds again (recorded in the history)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "history" -d 'The policy\'s recorded changes, newest first'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from withdrawal" -f -a "request" -d 'Ask for a withdrawal: the amount is held at once and leaves when another actor approves'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from withdrawal" -f -a "list" -d 'List the requests, newest first: every user\'s, or one user\'s (--user)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from withdrawal" -f -a "show" -d 'Show one request'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from withdrawal" -f -a "approve" -d 'Approve a pending request: its held amount leaves the ledger (never by its requester)'
complete -c ledgerctl -n "__fish_ledgerctl_using_subcommand help; and __fish_seen_subcommand_from withdrawal" -f -a "reject" -d 'Reject a pending request: its hold is released to the available balance (never by its requester)'
