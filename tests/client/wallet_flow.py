"""A wallet's life through the Python client openapi-python-client generates from /openapi.json.

Run by tests/generated_client.rs with the generated package (`ledgerctl_client`) on PYTHONPATH,
the server's base URL as the only argument, and a write and an admin token in
LEDGERCTL_WRITE_TOKEN and LEDGERCTL_ADMIN_TOKEN. It calls the generated typed functions only,
never httpx itself: a route the document describes wrongly (a status it does not list, a field
it names differently, a body its schema does not fit) fails here as it would for any client
built from the document. It prints one line per step, each made only of what the server
answered, so the Rust test compares the whole summary.
"""

import os
import sys
import typing

from ledgerctl_client import AuthenticatedClient
from ledgerctl_client.api.wallet_service import balance, create, deposit, integrity
from ledgerctl_client.models import CreateWalletRequest, DepositRequest, ErrorEnvelope
from ledgerctl_client.types import Response


def answered(response: Response, status: int):
    """The parsed body of an answer that must have `status`, with the body in the failure."""
    if response.status_code != status:
        sys.exit(f"expected {status}, got {int(response.status_code)}: {response.content!r}")
    if isinstance(response.parsed, ErrorEnvelope) != (status >= 400):
        sys.exit(f"{status} parsed as {type(response.parsed).__name__}: {response.content!r}")
    return response.parsed


def check(what: str, got, expected) -> None:
    if got != expected:
        sys.exit(f"{what}: expected {expected!r}, got {got!r}")


def open_wallet(writer: AuthenticatedClient, user: str) -> str:
    body = CreateWalletRequest(user_id=user, currency="CNY")
    wallet = answered(create.sync_detailed(client=writer, body=body), 201).data
    check(f"{user}'s new balance", wallet.balance, "0.00")
    print(f"created {wallet.user_id} {wallet.currency} {wallet.status} {wallet.balance}")
    return wallet.wallet_id


def deposit_twice(writer: AuthenticatedClient, user: str, amount: str) -> None:
    """A deposit under an Idempotency-Key, sent twice: the second is the first's replay."""
    body = DepositRequest(amount=amount, description="opening deposit", reference_id="dep-1")
    first = answered(deposit.sync_detailed(user, client=writer, body=body, idempotency_key="k-dep-1"), 200)
    again = answered(deposit.sync_detailed(user, client=writer, body=body, idempotency_key="k-dep-1"), 200)
    check("the replayed deposit's transaction", again.data.transaction.id, first.data.transaction.id)
    check("the balance after the replay", again.data.wallet.balance, amount)
    print(f"deposit {user} {first.data.transaction.amount} -> {first.data.wallet.balance} (replayed once)")


def transfer(writer: AuthenticatedClient, from_user: str, to_user: str, amount: str, reference: str) -> Response:
    """`POST /wallets/transfer` through its generated module. Imported here, at the step that
    needs it, so that a document without the route fails at this step and not before. The body's
    class is the one the generated function declares, whatever the document names the schema."""
    try:
        from ledgerctl_client.api.wallet_service import transfer as transfer_route
    except ImportError as missing:
        sys.exit(f"the generated client has no transfer ({missing}): is POST /wallets/transfer in /openapi.json?")
    request = typing.get_type_hints(transfer_route.sync_detailed)["body"]
    body = request(
        from_user_id=from_user,
        to_user_id=to_user,
        amount=amount,
        description="client transfer",
        reference_id=reference,
    )
    return transfer_route.sync_detailed(client=writer, body=body)


def transfer_between(writer: AuthenticatedClient, from_user: str, to_user: str, amount: str) -> None:
    moved = answered(transfer(writer, from_user, to_user, amount, "tr-1"), 200).data
    check("the sender", moved.from_wallet.user_id, from_user)
    check("the recipient", moved.to_wallet.user_id, to_user)
    check("the sender's transaction wallet", moved.from_transaction.wallet_id, moved.from_wallet.wallet_id)
    check("the recipient's transaction wallet", moved.to_transaction.wallet_id, moved.to_wallet.wallet_id)
    sent = f"{moved.from_transaction.balance_before} -> {moved.from_transaction.balance_after}"
    received = f"{moved.to_transaction.balance_before} -> {moved.to_transaction.balance_after}"
    check("the sender's wallet after", moved.from_wallet.balance, moved.from_transaction.balance_after)
    check("the recipient's wallet after", moved.to_wallet.balance, moved.to_transaction.balance_after)
    print(f"transfer {amount} {from_user} {sent}, {to_user} {received}")


def balances(reader: AuthenticatedClient, user: str) -> str:
    """The user's three balances, as the strings the server sent."""
    seen = answered(balance.sync_detailed(user, client=reader), 200).data
    return f"{seen.balance} available {seen.available_balance} frozen {seen.frozen_balance}"


def refused_overdraft(writer: AuthenticatedClient, from_user: str, to_user: str) -> None:
    """A transfer of more than the sender has: 409 insufficient_balance, and nothing moved."""
    before = (balances(writer, from_user), balances(writer, to_user))
    error = answered(transfer(writer, from_user, to_user, "1000000.00", "tr-over"), 409)
    check("the overdraft's code", error.code, 409)
    after = (balances(writer, from_user), balances(writer, to_user))
    check("the balances after the refusal", after, before)
    print(f"refused transfer 1000000.00 {from_user} -> {to_user}: {error.code} {error.error}")


def main() -> None:
    base_url = sys.argv[1]
    writer = AuthenticatedClient(
        base_url=base_url, token=os.environ["LEDGERCTL_WRITE_TOKEN"], raise_on_unexpected_status=True
    )
    admin = AuthenticatedClient(
        base_url=base_url, token=os.environ["LEDGERCTL_ADMIN_TOKEN"], raise_on_unexpected_status=True
    )
    with writer, admin:
        wallets = {user: open_wallet(writer, user) for user in ("alice", "bob")}
        deposit_twice(writer, "alice", "100.00")
        transfer_between(writer, "alice", "bob", "30.25")
        for user in wallets:
            print(f"balance {user} {balances(writer, user)}")
        for user, wallet_id in wallets.items():
            checked = answered(integrity.sync_detailed(wallet_id, client=admin), 200).data
            check(f"{user}'s integrity", checked.valid, True)
            print(f"integrity {user} valid")
        refused_overdraft(writer, "alice", "bob")


if __name__ == "__main__":
    main()
