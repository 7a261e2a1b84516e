
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'ledgerctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'ledgerctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'ledgerctl' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a new ledger: a file (WAL, synchronous=FULL), or the schema in an empty PostgreSQL database; refuses to touch an existing one')
            [CompletionResult]::new('wallet', 'wallet', [CompletionResultType]::ParameterValue, 'Open wallets, move money, and inspect them')
            [CompletionResult]::new('refund', 'refund', [CompletionResultType]::ParameterValue, 'The internal refund: refund a transaction, finding its wallet from the transaction')
            [CompletionResult]::new('ledger', 'ledger', [CompletionResultType]::ParameterValue, 'Prove the ledger''s invariants and print its trial balance')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Run many operations from a CSV or JSONL file (or - for stdin), one JSON result per line')
            [CompletionResult]::new('transaction', 'transaction', [CompletionResultType]::ParameterValue, 'Look up one transaction of the tenant and application by its id')
            [CompletionResult]::new('freeze', 'freeze', [CompletionResultType]::ParameterValue, 'Look up one freeze record of the tenant and application by its id')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Make, list and revoke the credentials `serve` accepts')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'The tenant''s and application''s policy: withdrawal limits, max balance, currencies, transfers')
            [CompletionResult]::new('withdrawal', 'withdrawal', [CompletionResultType]::ParameterValue, 'Withdrawal review (maker-checker): request, list, show, approve, reject')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the HTTP API over this ledger (the wallet routes, reads, /healthz, /openapi.json)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write every page with `--dir`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ledgerctl;init' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;wallet' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Open a wallet for a user (one per tenant, application and user)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a wallet''s balance, frozen and available amounts, now or at a past moment')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Show a wallet''s balance, frozen and available amounts alone (as GET /wallets/{user_id}/balance)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the wallets of the tenant and application')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List a wallet''s transactions, newest first')
            [CompletionResult]::new('freezes', 'freezes', [CompletionResultType]::ParameterValue, 'List a wallet''s freeze records, newest first')
            [CompletionResult]::new('deposit', 'deposit', [CompletionResultType]::ParameterValue, 'Credit money received for the user (Dr settlement, Cr wallet)')
            [CompletionResult]::new('payment', 'payment', [CompletionResultType]::ParameterValue, 'Pay a counterparty from the wallet (Dr wallet, Cr counterparty)')
            [CompletionResult]::new('withdraw', 'withdraw', [CompletionResultType]::ParameterValue, 'Pay money out of the wallet (Dr wallet, Cr settlement)')
            [CompletionResult]::new('freeze', 'freeze', [CompletionResultType]::ParameterValue, 'Hold part of the available balance; the total balance is unchanged')
            [CompletionResult]::new('unfreeze', 'unfreeze', [CompletionResultType]::ParameterValue, 'Release a freeze back to the available balance')
            [CompletionResult]::new('capture', 'capture', [CompletionResultType]::ParameterValue, 'Post a freeze''s held amount, all or part, as a withdrawal or a payment, releasing the rest')
            [CompletionResult]::new('refund', 'refund', [CompletionResultType]::ParameterValue, 'Refund a payment, withdrawal or deposit of this wallet, in whole or in part')
            [CompletionResult]::new('transfer', 'transfer', [CompletionResultType]::ParameterValue, 'Move money from one user''s wallet to another''s (two legs, one transaction; undone by a transfer back)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a wallet''s status changes, or set its status (active, frozen, closed) with a reason')
            [CompletionResult]::new('adjust', 'adjust', [CompletionResultType]::ParameterValue, 'Correct a balance against equity:adjustments (asks for confirmation on a terminal)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ledgerctl;wallet;create' {
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'The wallet''s currency, fixed for good: CNY, USD, EUR, GBP, HKD, SGD, JPY, KRW, KWD, BHD, JOD, in any case (default CNY, said on stderr when used)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;wallet;show' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'The wallet as it was then, from the journal (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC, or a date for its midnight UTC)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;wallet;balance' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;wallet;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only wallets with this status')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'The page to show, from 1')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Rows per page (default 20, at most 100)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every wallet in user id order, streamed as it is read (no page, no 100-row limit)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;wallet;history' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only these types (repeatable): deposit, payment, withdraw, freeze, unfreeze, refund, adjust_credit, adjust_debit')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Only entries at or after this moment (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC, or a date for its midnight UTC)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Only entries before this moment (exclusive: --from 2026-04-01 --to 2026-05-01 is April)')
            [CompletionResult]::new('--reference-id', '--reference-id', [CompletionResultType]::ParameterName, 'Only the entry with this reference')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'The page to show, from 1')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Rows per page (default 20, at most 100)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;wallet;freezes' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only records in this state')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'The page to show, from 1')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Rows per page (default 20, at most 100)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;wallet;deposit' {
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'The amount, e.g. 50.00 (at most the currency''s decimals)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Free text recorded with the transaction')
            [CompletionResult]::new('--reference-id', '--reference-id', [CompletionResultType]::ParameterName, 'Makes the operation idempotent: a repeat with the same reference writes nothing')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;wallet;payment' {
            [CompletionResult]::new('--counterparty', '--counterparty', [CompletionResultType]::ParameterName, 'The merchant or counterparty paid')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'The amount, e.g. 50.00 (at most the currency''s decimals)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Free text recorded with the transaction')
            [CompletionResult]::new('--reference-id', '--reference-id', [CompletionResultType]::ParameterName, 'Makes the operation idempotent: a repeat with the same reference writes nothing')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--new-counterparty', '--new-counterparty', [CompletionResultType]::ParameterName, 'The counterparty may be one never paid before in this tenant and application (without it, an unknown one is refused with the closest known names)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;wallet;withdraw' {
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'The amount, e.g. 50.00 (at most the currency''s decimals)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Free text recorded with the transaction')
            [CompletionResult]::new('--reference-id', '--reference-id', [CompletionResultType]::ParameterName, 'Makes the operation idempotent: a repeat with the same reference writes nothing')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;wallet;freeze' {
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'The amount to hold')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the funds are held')
            [CompletionResult]::new('--reference-id', '--reference-id', [CompletionResultType]::ParameterName, 'Makes the freeze idempotent: a repeat with the same reference holds nothing more')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;wallet;unfreeze' {
            [CompletionResult]::new('--freeze-id', '--freeze-id', [CompletionResultType]::ParameterName, 'The freeze record to release (frz_…)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the funds are released (recorded on the freeze record and the unfreeze)')
            [CompletionResult]::new('--reference-id', '--reference-id', [CompletionResultType]::ParameterName, 'Makes the unfreeze idempotent: a repeat with the same reference replays it')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;wallet;capture' {
            [CompletionResult]::new('--freeze-id', '--freeze-id', [CompletionResultType]::ParameterName, 'The active freeze record to capture (frz_…)')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'How much of the held amount to post (at most all of it); without it, all of it. The rest is released to the available balance')
            [CompletionResult]::new('--counterparty', '--counterparty', [CompletionResultType]::ParameterName, 'Pay this counterparty (a payment); without it the capture is a withdrawal to the settlement account')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Free text recorded with the transaction')
            [CompletionResult]::new('--reference-id', '--reference-id', [CompletionResultType]::ParameterName, 'Makes the capture idempotent: a repeat with the same reference replays it')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--new-counterparty', '--new-counterparty', [CompletionResultType]::ParameterName, 'The counterparty may be one never paid before in this tenant and application')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;wallet;refund' {
            [CompletionResult]::new('--transaction-id', '--transaction-id', [CompletionResultType]::ParameterName, 'The original transaction (txn_…)')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'How much to refund; the whole remaining refundable amount when absent')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (recorded in the refund''s description)')
            [CompletionResult]::new('--reference-id', '--reference-id', [CompletionResultType]::ParameterName, 'Makes the refund idempotent: a repeat with the same reference writes nothing')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;wallet;transfer' {
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'The amount, e.g. 50.00 (at most the currency''s decimals)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Free text recorded with the transaction')
            [CompletionResult]::new('--reference-id', '--reference-id', [CompletionResultType]::ParameterName, 'Makes the operation idempotent: a repeat with the same reference writes nothing')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;wallet;status' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (required with a new status; recorded with who made the change)')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'The page to show, from 1')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Rows per page (default 20, at most 100)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;wallet;adjust' {
            [CompletionResult]::new('--credit', '--credit', [CompletionResultType]::ParameterName, 'Add this amount to the wallet')
            [CompletionResult]::new('--debit', '--debit', [CompletionResultType]::ParameterName, 'Take this amount from the wallet')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (required; recorded in the journal)')
            [CompletionResult]::new('--reference-id', '--reference-id', [CompletionResultType]::ParameterName, 'Makes the adjustment idempotent: a repeat with the same reference writes nothing')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;wallet;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Open a wallet for a user (one per tenant, application and user)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a wallet''s balance, frozen and available amounts, now or at a past moment')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Show a wallet''s balance, frozen and available amounts alone (as GET /wallets/{user_id}/balance)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the wallets of the tenant and application')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List a wallet''s transactions, newest first')
            [CompletionResult]::new('freezes', 'freezes', [CompletionResultType]::ParameterValue, 'List a wallet''s freeze records, newest first')
            [CompletionResult]::new('deposit', 'deposit', [CompletionResultType]::ParameterValue, 'Credit money received for the user (Dr settlement, Cr wallet)')
            [CompletionResult]::new('payment', 'payment', [CompletionResultType]::ParameterValue, 'Pay a counterparty from the wallet (Dr wallet, Cr counterparty)')
            [CompletionResult]::new('withdraw', 'withdraw', [CompletionResultType]::ParameterValue, 'Pay money out of the wallet (Dr wallet, Cr settlement)')
            [CompletionResult]::new('freeze', 'freeze', [CompletionResultType]::ParameterValue, 'Hold part of the available balance; the total balance is unchanged')
            [CompletionResult]::new('unfreeze', 'unfreeze', [CompletionResultType]::ParameterValue, 'Release a freeze back to the available balance')
            [CompletionResult]::new('capture', 'capture', [CompletionResultType]::ParameterValue, 'Post a freeze''s held amount, all or part, as a withdrawal or a payment, releasing the rest')
            [CompletionResult]::new('refund', 'refund', [CompletionResultType]::ParameterValue, 'Refund a payment, withdrawal or deposit of this wallet, in whole or in part')
            [CompletionResult]::new('transfer', 'transfer', [CompletionResultType]::ParameterValue, 'Move money from one user''s wallet to another''s (two legs, one transaction; undone by a transfer back)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a wallet''s status changes, or set its status (active, frozen, closed) with a reason')
            [CompletionResult]::new('adjust', 'adjust', [CompletionResultType]::ParameterValue, 'Correct a balance against equity:adjustments (asks for confirmation on a terminal)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ledgerctl;wallet;help;create' {
            break
        }
        'ledgerctl;wallet;help;show' {
            break
        }
        'ledgerctl;wallet;help;balance' {
            break
        }
        'ledgerctl;wallet;help;list' {
            break
        }
        'ledgerctl;wallet;help;history' {
            break
        }
        'ledgerctl;wallet;help;freezes' {
            break
        }
        'ledgerctl;wallet;help;deposit' {
            break
        }
        'ledgerctl;wallet;help;payment' {
            break
        }
        'ledgerctl;wallet;help;withdraw' {
            break
        }
        'ledgerctl;wallet;help;freeze' {
            break
        }
        'ledgerctl;wallet;help;unfreeze' {
            break
        }
        'ledgerctl;wallet;help;capture' {
            break
        }
        'ledgerctl;wallet;help;refund' {
            break
        }
        'ledgerctl;wallet;help;transfer' {
            break
        }
        'ledgerctl;wallet;help;status' {
            break
        }
        'ledgerctl;wallet;help;adjust' {
            break
        }
        'ledgerctl;wallet;help;help' {
            break
        }
        'ledgerctl;refund' {
            [CompletionResult]::new('--transaction-id', '--transaction-id', [CompletionResultType]::ParameterName, 'The original transaction (txn_…)')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'How much to refund; the whole remaining refundable amount when absent')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (recorded in the refund''s description)')
            [CompletionResult]::new('--reference-id', '--reference-id', [CompletionResultType]::ParameterName, 'Makes the refund idempotent: a repeat with the same reference writes nothing')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;ledger' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Prove every invariant: hash chain, balanced entries, balances, refunds, freezes, file integrity')
            [CompletionResult]::new('seal', 'seal', [CompletionResultType]::ParameterValue, 'Record every wallet''s chain head in a new seal and print its anchor, to keep outside the ledger')
            [CompletionResult]::new('trial-balance', 'trial-balance', [CompletionResultType]::ParameterValue, 'Every account''s debits, credits and balance, with totals per currency, now or at a past moment')
            [CompletionResult]::new('journal', 'journal', [CompletionResultType]::ParameterValue, 'The journal entries of every wallet with their postings, newest first')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'The whole journal for other tools: csv, json (JSON Lines), hledger or beancount')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Reconcile each wallet''s day (--date), or match a provider''s statement against the settlement entries (--statement)')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Store every wallet''s balances at the end of a day that has ended, once per day')
            [CompletionResult]::new('snapshots', 'snapshots', [CompletionResultType]::ParameterValue, 'The stored snapshots of --tenant/--app: a row per wallet and day, newest day first')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy the whole ledger, as it is, into a new ledger file or an empty PostgreSQL database, in one transaction')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ledgerctl;ledger;verify' {
            [CompletionResult]::new('--anchor', '--anchor', [CompletionResultType]::ParameterName, 'An anchor recorded earlier: a seal''s seal:N:HASH (`ledger seal`) proves every wallet''s history up to it, an entry''s SEQ:HASH (this command''s "head") its wallet''s; entries removed from the end are caught (repeatable)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Only this user''s wallet (in --tenant/--app): its chain, entries, balance history, refunds, balances and freezes, as GET /admin/wallets/{wallet_id}/integrity checks them')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;ledger;seal' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;ledger;trial-balance' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'The balances as they were then: every entry up to and including that second (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC, or a date for its midnight UTC)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;ledger;journal' {
            [CompletionResult]::new('--wallet-id', '--wallet-id', [CompletionResultType]::ParameterName, 'Only this wallet''s entries (wlt_…)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only these types (repeatable): deposit, payment, withdraw, freeze, unfreeze, refund, adjust_credit, adjust_debit')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Only entries at or after this moment (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC, or a date for its midnight UTC)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Only entries before this moment (exclusive: --from 2026-04-01 --to 2026-05-01 is April)')
            [CompletionResult]::new('--reference-id', '--reference-id', [CompletionResultType]::ParameterName, 'Only the entry with this reference')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'The page to show, from 1')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Rows per page (default 20, at most 100)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;ledger;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The format to write on stdout')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only entries from this moment on (RFC 3339, `YYYY-MM-DD HH:MM:SS` in UTC, or a date for its midnight UTC)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only entries before this moment (exclusive: --since 2026-04-01 --until 2026-05-01 is April)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;ledger;reconcile' {
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The day to reconcile (YYYY-MM-DD, in the policy''s timezone; UTC without one): every wallet''s opening, movements and closing')
            [CompletionResult]::new('--statement', '--statement', [CompletionResultType]::ParameterName, 'A provider''s or bank''s statement to match against the settlement entries (CSV with a header row; - reads stdin)')
            [CompletionResult]::new('--date-column', '--date-column', [CompletionResultType]::ParameterName, 'The statement''s column of dates (YYYY-MM-DD, or an RFC 3339 time)')
            [CompletionResult]::new('--amount-column', '--amount-column', [CompletionResultType]::ParameterName, 'The statement''s column of amounts: received positive, paid out negative (-50.00)')
            [CompletionResult]::new('--reference-column', '--reference-column', [CompletionResultType]::ParameterName, 'The statement''s column of references, matched against the entries'' reference_id')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'The statement''s currency: only assets:settlement:<CODE> is matched')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The first day matched (inclusive; default: the statement''s first date)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The last day matched (inclusive; default: the statement''s last date)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;ledger;snapshot' {
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The day (YYYY-MM-DD, in the policy''s timezone), which must have ended')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;ledger;snapshots' {
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'Only this day''s rows (YYYY-MM-DD)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this user''s rows')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'The page to show, from 1')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Rows per page (default 20, at most 100)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;ledger;copy' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The new ledger: a file to create, or an empty PostgreSQL database''s URL')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;ledger;help' {
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Prove every invariant: hash chain, balanced entries, balances, refunds, freezes, file integrity')
            [CompletionResult]::new('seal', 'seal', [CompletionResultType]::ParameterValue, 'Record every wallet''s chain head in a new seal and print its anchor, to keep outside the ledger')
            [CompletionResult]::new('trial-balance', 'trial-balance', [CompletionResultType]::ParameterValue, 'Every account''s debits, credits and balance, with totals per currency, now or at a past moment')
            [CompletionResult]::new('journal', 'journal', [CompletionResultType]::ParameterValue, 'The journal entries of every wallet with their postings, newest first')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'The whole journal for other tools: csv, json (JSON Lines), hledger or beancount')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Reconcile each wallet''s day (--date), or match a provider''s statement against the settlement entries (--statement)')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Store every wallet''s balances at the end of a day that has ended, once per day')
            [CompletionResult]::new('snapshots', 'snapshots', [CompletionResultType]::ParameterValue, 'The stored snapshots of --tenant/--app: a row per wallet and day, newest day first')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy the whole ledger, as it is, into a new ledger file or an empty PostgreSQL database, in one transaction')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ledgerctl;ledger;help;verify' {
            break
        }
        'ledgerctl;ledger;help;seal' {
            break
        }
        'ledgerctl;ledger;help;trial-balance' {
            break
        }
        'ledgerctl;ledger;help;journal' {
            break
        }
        'ledgerctl;ledger;help;export' {
            break
        }
        'ledgerctl;ledger;help;reconcile' {
            break
        }
        'ledgerctl;ledger;help;snapshot' {
            break
        }
        'ledgerctl;ledger;help;snapshots' {
            break
        }
        'ledgerctl;ledger;help;copy' {
            break
        }
        'ledgerctl;ledger;help;help' {
            break
        }
        'ledgerctl;batch' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The file''s format; by default from its extension (.csv, .jsonl), else from its first character')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--atomic', '--atomic', [CompletionResultType]::ParameterName, 'All lines or none: if any line fails, nothing is committed')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check and compute every line against the ledger, commit nothing')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;transaction' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a transaction with its wallet and user (only the tenant''s and application''s own)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ledgerctl;transaction;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;transaction;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a transaction with its wallet and user (only the tenant''s and application''s own)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ledgerctl;transaction;help;show' {
            break
        }
        'ledgerctl;transaction;help;help' {
            break
        }
        'ledgerctl;freeze' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a freeze record with its wallet and user (only the tenant''s and application''s own)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ledgerctl;freeze;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;freeze;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a freeze record with its wallet and user (only the tenant''s and application''s own)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ledgerctl;freeze;help;show' {
            break
        }
        'ledgerctl;freeze;help;help' {
            break
        }
        'ledgerctl;token' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Make a token for --tenant and --app; its secret is printed this once and stored hashed')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every token of every tenant, newest first (never their secrets)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token for good: its next request is refused with 401')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ledgerctl;token;create' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Reach only this user''s wallet (default: every wallet of the tenant and application)')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'read: the GET routes only; write: every wallet route; admin: the /admin/… routes too')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'Lifetime (30d, 12h, 90m) or an RFC 3339 moment; at most 3650 days (default: never)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A label for people, shown by `token list` (e.g. what or who the token is for)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--internal', '--internal', [CompletionResultType]::ParameterName, 'An internal API key (X-API-Key) for POST /internal/wallet/refund instead of a bearer token')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;token;list' {
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'The page to show, from 1')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Rows per page (default 20, at most 100)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;token;revoke' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;token;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Make a token for --tenant and --app; its secret is printed this once and stored hashed')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every token of every tenant, newest first (never their secrets)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token for good: its next request is refused with 401')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ledgerctl;token;help;create' {
            break
        }
        'ledgerctl;token;help;list' {
            break
        }
        'ledgerctl;token;help;revoke' {
            break
        }
        'ledgerctl;token;help;help' {
            break
        }
        'ledgerctl;policy' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the policy (the default when none is set: no limits, every currency, transfers on, UTC)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the fields given, keep the others; every change is recorded in the policy history')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove the policy: the default holds again (recorded in the history)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'The policy''s recorded changes, newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ledgerctl;policy;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;policy;set' {
            [CompletionResult]::new('--min-withdraw-amount', '--min-withdraw-amount', [CompletionResultType]::ParameterName, 'The smallest withdrawal allowed (0: none)')
            [CompletionResult]::new('--daily-withdraw-limit', '--daily-withdraw-limit', [CompletionResultType]::ParameterName, 'The most a wallet may withdraw in a day of the policy''s timezone (0: no limit)')
            [CompletionResult]::new('--monthly-withdraw-limit', '--monthly-withdraw-limit', [CompletionResultType]::ParameterName, 'The most a wallet may withdraw in a month of the policy''s timezone (0: no limit)')
            [CompletionResult]::new('--max-balance', '--max-balance', [CompletionResultType]::ParameterName, 'The most a wallet may hold after a deposit or an incoming transfer (0: no limit)')
            [CompletionResult]::new('--supported-currencies', '--supported-currencies', [CompletionResultType]::ParameterName, 'Currencies new wallets may have, comma-separated (CNY,USD); "" for every one')
            [CompletionResult]::new('--transfer-enabled', '--transfer-enabled', [CompletionResultType]::ParameterName, 'Whether wallets may transfer to one another')
            [CompletionResult]::new('--withdrawal-require-review', '--withdrawal-require-review', [CompletionResultType]::ParameterName, 'Withdrawals wait for another actor''s approval (`withdrawal request`); a direct withdrawal is then refused (review_required), except up to --auto-approve-limit')
            [CompletionResult]::new('--auto-approve-limit', '--auto-approve-limit', [CompletionResultType]::ParameterName, 'With review required, a withdrawal of at most this much needs none (0: every one is reviewed)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'The IANA timezone days and months of the limits are counted in (Asia/Shanghai)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;policy;clear' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;policy;history' {
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'The page to show, from 1')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Rows per page (default 20, at most 100)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;policy;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the policy (the default when none is set: no limits, every currency, transfers on, UTC)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the fields given, keep the others; every change is recorded in the policy history')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove the policy: the default holds again (recorded in the history)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'The policy''s recorded changes, newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ledgerctl;policy;help;show' {
            break
        }
        'ledgerctl;policy;help;set' {
            break
        }
        'ledgerctl;policy;help;clear' {
            break
        }
        'ledgerctl;policy;help;history' {
            break
        }
        'ledgerctl;policy;help;help' {
            break
        }
        'ledgerctl;withdrawal' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('request', 'request', [CompletionResultType]::ParameterValue, 'Ask for a withdrawal: the amount is held at once and leaves when another actor approves')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the requests, newest first: every user''s, or one user''s (--user)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one request')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve a pending request: its held amount leaves the ledger (never by its requester)')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a pending request: its hold is released to the available balance (never by its requester)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ledgerctl;withdrawal;request' {
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'The amount, a decimal string with at most the currency''s decimals')
            [CompletionResult]::new('--remark', '--remark', [CompletionResultType]::ParameterName, 'Why, for the reviewer (kept as the hold''s reason too)')
            [CompletionResult]::new('--reference-id', '--reference-id', [CompletionResultType]::ParameterName, 'Makes the request safe to repeat: the same request again answers the first one')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;withdrawal;list' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this user''s requests')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only this status: pending (the reviewers'' queue), approved or rejected')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'The page to show, from 1')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Rows per page (default 20, at most 100)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;withdrawal;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;withdrawal;approve' {
            [CompletionResult]::new('--approved-by', '--approved-by', [CompletionResultType]::ParameterName, 'The approver''s name, recorded beside the deciding actor')
            [CompletionResult]::new('--remark', '--remark', [CompletionResultType]::ParameterName, 'Why, recorded with the decision')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;withdrawal;reject' {
            [CompletionResult]::new('--remark', '--remark', [CompletionResultType]::ParameterName, 'Why, recorded with the decision and as the hold''s release reason')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;withdrawal;help' {
            [CompletionResult]::new('request', 'request', [CompletionResultType]::ParameterValue, 'Ask for a withdrawal: the amount is held at once and leaves when another actor approves')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the requests, newest first: every user''s, or one user''s (--user)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one request')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve a pending request: its held amount leaves the ledger (never by its requester)')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a pending request: its hold is released to the available balance (never by its requester)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ledgerctl;withdrawal;help;request' {
            break
        }
        'ledgerctl;withdrawal;help;list' {
            break
        }
        'ledgerctl;withdrawal;help;show' {
            break
        }
        'ledgerctl;withdrawal;help;approve' {
            break
        }
        'ledgerctl;withdrawal;help;reject' {
            break
        }
        'ledgerctl;withdrawal;help;help' {
            break
        }
        'ledgerctl;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'The public listener: the wallet routes, /healthz and /openapi.json')
            [CompletionResult]::new('--internal-listen', '--internal-listen', [CompletionResultType]::ParameterName, 'The internal listener, the only one serving POST /internal/wallet/refund')
            [CompletionResult]::new('--commit-group-max', '--commit-group-max', [CompletionResultType]::ParameterName, 'Concurrent writes committed together in one transaction (1: one transaction per request)')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request may wait to be started before it is answered 503 request_timeout, nothing written')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No access log on stderr (one line per request: time, method, path, status, microseconds, token id; never a secret)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;completions' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write ledgerctl.1 and one page per subcommand (ledgerctl-wallet-withdraw.1, …) here')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file''s path, or a PostgreSQL database''s URL (postgres://USER@HOST:PORT/DBNAME; a password in it is never printed)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'The tenant whose wallets this command reaches')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The application whose wallets this command reaches')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Tables for people, or exactly one JSON envelope for scripts')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, as the journal, the audit records and withdrawal review record it (cli:NAME); the OS user ($USER) when not given. Maker-checker tells requester and approver apart by it')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for another writer''s lock before failing with exit 6')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, even wider than the terminal (on a narrow terminal, the least important columns are otherwise cut short or left out)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (wallet adjust, wallet status frozen|closed, token revoke, long batches)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Open the ledger read-only: reading commands work (also on a file this user cannot write), every write is refused with exit 2 (read_only) before the file is touched')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ledgerctl;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a new ledger: a file (WAL, synchronous=FULL), or the schema in an empty PostgreSQL database; refuses to touch an existing one')
            [CompletionResult]::new('wallet', 'wallet', [CompletionResultType]::ParameterValue, 'Open wallets, move money, and inspect them')
            [CompletionResult]::new('refund', 'refund', [CompletionResultType]::ParameterValue, 'The internal refund: refund a transaction, finding its wallet from the transaction')
            [CompletionResult]::new('ledger', 'ledger', [CompletionResultType]::ParameterValue, 'Prove the ledger''s invariants and print its trial balance')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Run many operations from a CSV or JSONL file (or - for stdin), one JSON result per line')
            [CompletionResult]::new('transaction', 'transaction', [CompletionResultType]::ParameterValue, 'Look up one transaction of the tenant and application by its id')
            [CompletionResult]::new('freeze', 'freeze', [CompletionResultType]::ParameterValue, 'Look up one freeze record of the tenant and application by its id')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Make, list and revoke the credentials `serve` accepts')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'The tenant''s and application''s policy: withdrawal limits, max balance, currencies, transfers')
            [CompletionResult]::new('withdrawal', 'withdrawal', [CompletionResultType]::ParameterValue, 'Withdrawal review (maker-checker): request, list, show, approve, reject')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the HTTP API over this ledger (the wallet routes, reads, /healthz, /openapi.json)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write every page with `--dir`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ledgerctl;help;init' {
            break
        }
        'ledgerctl;help;wallet' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Open a wallet for a user (one per tenant, application and user)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a wallet''s balance, frozen and available amounts, now or at a past moment')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Show a wallet''s balance, frozen and available amounts alone (as GET /wallets/{user_id}/balance)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the wallets of the tenant and application')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List a wallet''s transactions, newest first')
            [CompletionResult]::new('freezes', 'freezes', [CompletionResultType]::ParameterValue, 'List a wallet''s freeze records, newest first')
            [CompletionResult]::new('deposit', 'deposit', [CompletionResultType]::ParameterValue, 'Credit money received for the user (Dr settlement, Cr wallet)')
            [CompletionResult]::new('payment', 'payment', [CompletionResultType]::ParameterValue, 'Pay a counterparty from the wallet (Dr wallet, Cr counterparty)')
            [CompletionResult]::new('withdraw', 'withdraw', [CompletionResultType]::ParameterValue, 'Pay money out of the wallet (Dr wallet, Cr settlement)')
            [CompletionResult]::new('freeze', 'freeze', [CompletionResultType]::ParameterValue, 'Hold part of the available balance; the total balance is unchanged')
            [CompletionResult]::new('unfreeze', 'unfreeze', [CompletionResultType]::ParameterValue, 'Release a freeze back to the available balance')
            [CompletionResult]::new('capture', 'capture', [CompletionResultType]::ParameterValue, 'Post a freeze''s held amount, all or part, as a withdrawal or a payment, releasing the rest')
            [CompletionResult]::new('refund', 'refund', [CompletionResultType]::ParameterValue, 'Refund a payment, withdrawal or deposit of this wallet, in whole or in part')
            [CompletionResult]::new('transfer', 'transfer', [CompletionResultType]::ParameterValue, 'Move money from one user''s wallet to another''s (two legs, one transaction; undone by a transfer back)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a wallet''s status changes, or set its status (active, frozen, closed) with a reason')
            [CompletionResult]::new('adjust', 'adjust', [CompletionResultType]::ParameterValue, 'Correct a balance against equity:adjustments (asks for confirmation on a terminal)')
            break
        }
        'ledgerctl;help;wallet;create' {
            break
        }
        'ledgerctl;help;wallet;show' {
            break
        }
        'ledgerctl;help;wallet;balance' {
            break
        }
        'ledgerctl;help;wallet;list' {
            break
        }
        'ledgerctl;help;wallet;history' {
            break
        }
        'ledgerctl;help;wallet;freezes' {
            break
        }
        'ledgerctl;help;wallet;deposit' {
            break
        }
        'ledgerctl;help;wallet;payment' {
            break
        }
        'ledgerctl;help;wallet;withdraw' {
            break
        }
        'ledgerctl;help;wallet;freeze' {
            break
        }
        'ledgerctl;help;wallet;unfreeze' {
            break
        }
        'ledgerctl;help;wallet;capture' {
            break
        }
        'ledgerctl;help;wallet;refund' {
            break
        }
        'ledgerctl;help;wallet;transfer' {
            break
        }
        'ledgerctl;help;wallet;status' {
            break
        }
        'ledgerctl;help;wallet;adjust' {
            break
        }
        'ledgerctl;help;refund' {
            break
        }
        'ledgerctl;help;ledger' {
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Prove every invariant: hash chain, balanced entries, balances, refunds, freezes, file integrity')
            [CompletionResult]::new('seal', 'seal', [CompletionResultType]::ParameterValue, 'Record every wallet''s chain head in a new seal and print its anchor, to keep outside the ledger')
            [CompletionResult]::new('trial-balance', 'trial-balance', [CompletionResultType]::ParameterValue, 'Every account''s debits, credits and balance, with totals per currency, now or at a past moment')
            [CompletionResult]::new('journal', 'journal', [CompletionResultType]::ParameterValue, 'The journal entries of every wallet with their postings, newest first')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'The whole journal for other tools: csv, json (JSON Lines), hledger or beancount')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Reconcile each wallet''s day (--date), or match a provider''s statement against the settlement entries (--statement)')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Store every wallet''s balances at the end of a day that has ended, once per day')
            [CompletionResult]::new('snapshots', 'snapshots', [CompletionResultType]::ParameterValue, 'The stored snapshots of --tenant/--app: a row per wallet and day, newest day first')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy the whole ledger, as it is, into a new ledger file or an empty PostgreSQL database, in one transaction')
            break
        }
        'ledgerctl;help;ledger;verify' {
            break
        }
        'ledgerctl;help;ledger;seal' {
            break
        }
        'ledgerctl;help;ledger;trial-balance' {
            break
        }
        'ledgerctl;help;ledger;journal' {
            break
        }
        'ledgerctl;help;ledger;export' {
            break
        }
        'ledgerctl;help;ledger;reconcile' {
            break
        }
        'ledgerctl;help;ledger;snapshot' {
            break
        }
        'ledgerctl;help;ledger;snapshots' {
            break
        }
        'ledgerctl;help;ledger;copy' {
            break
        }
        'ledgerctl;help;batch' {
            break
        }
        'ledgerctl;help;transaction' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a transaction with its wallet and user (only the tenant''s and application''s own)')
            break
        }
        'ledgerctl;help;transaction;show' {
            break
        }
        'ledgerctl;help;freeze' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a freeze record with its wallet and user (only the tenant''s and application''s own)')
            break
        }
        'ledgerctl;help;freeze;show' {
            break
        }
        'ledgerctl;help;token' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Make a token for --tenant and --app; its secret is printed this once and stored hashed')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every token of every tenant, newest first (never their secrets)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token for good: its next request is refused with 401')
            break
        }
        'ledgerctl;help;token;create' {
            break
        }
        'ledgerctl;help;token;list' {
            break
        }
        'ledgerctl;help;token;revoke' {
            break
        }
        'ledgerctl;help;policy' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the policy (the default when none is set: no limits, every currency, transfers on, UTC)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the fields given, keep the others; every change is recorded in the policy history')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove the policy: the default holds again (recorded in the history)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'The policy''s recorded changes, newest first')
            break
        }
        'ledgerctl;help;policy;show' {
            break
        }
        'ledgerctl;help;policy;set' {
            break
        }
        'ledgerctl;help;policy;clear' {
            break
        }
        'ledgerctl;help;policy;history' {
            break
        }
        'ledgerctl;help;withdrawal' {
            [CompletionResult]::new('request', 'request', [CompletionResultType]::ParameterValue, 'Ask for a withdrawal: the amount is held at once and leaves when another actor approves')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the requests, newest first: every user''s, or one user''s (--user)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one request')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve a pending request: its held amount leaves the ledger (never by its requester)')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a pending request: its hold is released to the available balance (never by its requester)')
            break
        }
        'ledgerctl;help;withdrawal;request' {
            break
        }
        'ledgerctl;help;withdrawal;list' {
            break
        }
        'ledgerctl;help;withdrawal;show' {
            break
        }
        'ledgerctl;help;withdrawal;approve' {
            break
        }
        'ledgerctl;help;withdrawal;reject' {
            break
        }
        'ledgerctl;help;serve' {
            break
        }
        'ledgerctl;help;completions' {
            break
        }
        'ledgerctl;help;man' {
            break
        }
        'ledgerctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
