//! The writes: a route per operation on a user's wallet, and the internal refund. Each body is
//! decoded as a batch line of its operation, then handed to the one writer.

use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequest, Path, Request};
use axum::response::Response;

use crate::error::{Error, Result};
use crate::http::auth::{Bearer, InternalKey};
use crate::http::body::{fingerprint, idempotency_key, ApiError, JsonBody};
use crate::http::middleware::Deadline;
use crate::http::schema::{
    CaptureRequest, DepositRequest, FreezeRequest, PaymentRequest, RefundRequest, TransferRequest, UnfreezeRequest,
    WithdrawRequest,
};
use crate::http::state::State;
use crate::ledger::batch::{self, Raw};
use crate::ledger::operations::{self, refund, Operation, Spec};
use crate::ops::{IdempotencyKey, WriteRequest};
use crate::output::views::{CaptureResult, Envelope, FreezeResult, TransactionResult, TransferResult};

use super::{path_user, submit};

/// Decodes a write body for the operation `spec` describes exactly as a batch line is decoded,
/// after refusing any field the operation does not take: an unknown field is an error, never
/// silently ignored.
fn operation(spec: &Spec, user_id: Option<&str>, mut record: Vec<(String, Raw)>) -> Result<batch::BatchItem> {
    let (op, fields) = (spec.name, spec.fields);
    if let Some((name, _)) = record.iter().find(|(name, _)| !fields.contains(&name.as_str())) {
        return Err(Error::invalid(
            name.clone(),
            format!("unknown field {name:?}: {op} takes {}", fields.join(", ")),
        ));
    }
    record.push(("op".to_owned(), Raw::Text(op.to_owned())));
    if let Some(user_id) = user_id {
        record.push(("user_id".to_owned(), Raw::Text(user_id.to_owned())));
    }
    batch::parse(record)
}

/// A write request taken apart, once its caller is known to be allowed to make it.
struct Write {
    /// The `Idempotency-Key`, if sent, with the fingerprint of the request it was sent with.
    key: Option<(String, String)>,
    deadline: Deadline,
    operation: Operation,
    /// The wallet's user: the path's, or the body's (a transfer's sender).
    user_id: Option<String>,
}

impl Write {
    /// The key header first, then the body, as `op` with the user of the path (if any).
    async fn decode(request: Request, spec: &Spec, user_id: Option<&str>) -> Result<Write, ApiError> {
        let key = idempotency_key(request.headers())?;
        let path = request.uri().path().to_owned();
        let deadline = Deadline::of(&request)?;
        let body = JsonBody::from_request(request, &()).await?;
        let item = operation(spec, user_id, body.fields)?;
        Ok(Write {
            key: key.map(|key| (key, fingerprint("POST", &path, &body.bytes))),
            deadline,
            operation: item.operation,
            user_id: item.user_id,
        })
    }
}

/// A write on a user's wallet: the token must write and reach the wallet; then the body.
async fn wallet_write(
    state: State,
    caller: Bearer,
    user_id: std::result::Result<Path<String>, PathRejection>,
    spec: &Spec,
    request: Request,
) -> Result<Response, ApiError> {
    caller.writer()?;
    let user_id = path_user(user_id)?;
    caller.reaches(&user_id)?;
    let write = Write::decode(request, spec, Some(&user_id)).await?;
    submit_as_user(&state, &caller, write, user_id).await
}

/// Hands a decoded write on `user_id`'s wallet to the writer, its `Idempotency-Key` scoped to
/// that user (the path's, or a transfer's sender).
async fn submit_as_user(state: &State, caller: &Bearer, write: Write, user_id: String) -> Result<Response, ApiError> {
    let request = WriteRequest {
        scope: caller.0.scope.clone(),
        actor: caller.actor(),
        key: write.key.map(|(key, fingerprint)| IdempotencyKey {
            key,
            owner: format!("user:{user_id}"),
            fingerprint,
            token_id: caller.0.id.clone(),
        }),
        user_id: Some(user_id),
        work: write.operation.into(),
        deadline: write.deadline.at.into_std(),
        timeout_ms: write.deadline.timeout_ms,
    };
    submit(state, request, write.deadline).await
}

macro_rules! write_route {
    ($name:ident, $op:literal, $spec:path, $summary:literal, $body:ty, $result:ty) => {
        #[utoipa::path(
            post,
            path = concat!("/wallets/{user_id}/", $op),
            tag = "Wallet Service",
            summary = $summary,
            params(("user_id" = String, Path, description = "User ID", example = "alice"),
                   ("Idempotency-Key" = Option<String>, Header, description = "Repeat-safe key (1 to 255 visible ASCII characters), scoped to the token's tenant, application and the path's user: a repeat with the same body returns the first response byte for byte; another body is 409 idempotency_key_reused")),
            request_body(content = $body, content_type = "application/json"),
            responses((status = 200, description = "OK: durable on disk", body = $result)),
            security(("bearerAuth" = []))
        )]
        pub async fn $name(
            axum::extract::State(state): axum::extract::State<State>,
            caller: Bearer,
            user_id: std::result::Result<Path<String>, PathRejection>,
            request: Request,
        ) -> Result<Response, ApiError> {
            wallet_write(state, caller, user_id, &$spec, request).await
        }
    };
}

write_route!(
    deposit,
    "deposit",
    operations::deposit::SPEC,
    "Deposit to a user's wallet (Dr settlement, Cr wallet)",
    DepositRequest,
    Envelope<TransactionResult>
);
write_route!(
    payment,
    "payment",
    operations::payment::SPEC,
    "Pay a counterparty from a user's wallet",
    PaymentRequest,
    Envelope<TransactionResult>
);
write_route!(
    withdraw,
    "withdraw",
    operations::withdraw::SPEC,
    "Withdraw from a user's wallet",
    WithdrawRequest,
    Envelope<TransactionResult>
);
write_route!(
    freeze,
    "freeze",
    operations::freeze::SPEC,
    "Freeze funds in a user's wallet",
    FreezeRequest,
    Envelope<FreezeResult>
);
write_route!(
    unfreeze,
    "unfreeze",
    operations::unfreeze::SPEC,
    "Unfreeze funds in a user's wallet",
    UnfreezeRequest,
    Envelope<FreezeResult>
);
write_route!(
    refund,
    "refund",
    operations::refund::SPEC,
    "Refund to a user's wallet",
    RefundRequest,
    Envelope<TransactionResult>
);

write_route!(
    capture,
    "capture",
    operations::capture::SPEC,
    "Capture a freeze: post its held amount, all or part, as a withdrawal or a payment to a counterparty, releasing the rest, in one entry",
    CaptureRequest,
    Envelope<CaptureResult>
);

/// A transfer: the sender is in the body. A token bound to a user sends only from that user's
/// wallet, to any wallet of its tenant and application; another tenant's or application's
/// receiver is not found, as one that does not exist.
#[utoipa::path(
    post,
    path = "/wallets/transfer",
    tag = "Wallet Service",
    summary = "Transfer between users: two entries in one transaction (transfer_out in the sender's wallet, transfer_in in the receiver's), each balanced against liabilities:transfers:<CUR>",
    params(("Idempotency-Key" = Option<String>, Header, description = "Repeat-safe key (1 to 255 visible ASCII characters), scoped to the token's tenant, application and the sender: a repeat with the same body returns the first response byte for byte; another body is 409 idempotency_key_reused")),
    request_body(content = TransferRequest, content_type = "application/json"),
    responses((status = 200, description = "OK: both legs durable on disk", body = Envelope<TransferResult>)),
    security(("bearerAuth" = []))
)]
pub async fn transfer(
    axum::extract::State(state): axum::extract::State<State>,
    caller: Bearer,
    request: Request,
) -> Result<Response, ApiError> {
    caller.writer()?;
    let write = Write::decode(request, &operations::transfer::SPEC, None).await?;
    let from_user_id = write
        .user_id
        .clone()
        .ok_or_else(|| Error::invalid("from_user_id", "is required"))?;
    caller.reaches(&from_user_id)?;
    submit_as_user(&state, &caller, write, from_user_id).await
}

/// The internal refund: the wallet is found from the transaction, within the key's tenant and
/// application.
#[utoipa::path(
    post,
    path = "/internal/wallet/refund",
    tag = "Wallet Service - Internal Interface",
    summary = "Internal service call to refund (served on the internal listener only)",
    params(("Idempotency-Key" = Option<String>, Header, description = "Repeat-safe key, scoped to the key's tenant and application (and to this route)")),
    request_body(content = RefundRequest, content_type = "application/json"),
    responses((status = 200, description = "OK: durable on disk", body = Envelope<TransactionResult>)),
    security(("apiKey" = []))
)]
pub async fn internal_refund(
    axum::extract::State(state): axum::extract::State<State>,
    InternalKey(token): InternalKey,
    request: Request,
) -> Result<Response, ApiError> {
    let write = Write::decode(request, &refund::SPEC, None).await?;
    let request = WriteRequest {
        scope: token.scope.clone(),
        actor: format!("token:{}", token.id),
        user_id: None,
        work: write.operation.into(),
        key: write.key.map(|(key, fingerprint)| IdempotencyKey {
            key,
            owner: "internal".to_owned(),
            fingerprint,
            token_id: token.id.clone(),
        }),
        deadline: write.deadline.at.into_std(),
        timeout_ms: write.deadline.timeout_ms,
    };
    submit(&state, request, write.deadline).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(pairs: &[(&str, &str)]) -> Vec<(String, Raw)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Raw::Text(v.to_string())))
            .collect()
    }

    #[test]
    fn a_body_is_decoded_as_a_batch_line_of_its_route() {
        let item = operation(&operations::withdraw::SPEC, Some("alice"), text(&[("amount", "5.00")])).unwrap();
        assert_eq!(item.user_id.as_deref(), Some("alice"));
        let refund = operation(
            &refund::SPEC,
            None,
            text(&[("transaction_id", "txn_01ARZ3NDEKTSV4RRFFQ69G5FAV")]),
        );
        assert_eq!(refund.unwrap().user_id, None);
    }

    #[test]
    fn fields_a_route_does_not_document_are_refused() {
        for stray in ["user_id", "op", "direction", "freeze_id", "amout"] {
            let e = operation(
                &operations::withdraw::SPEC,
                Some("alice"),
                text(&[("amount", "5"), (stray, "x")]),
            )
            .unwrap_err();
            assert_eq!(e.code(), "invalid_request", "{stray}");
            assert!(e.to_string().contains("unknown field"), "{e}");
        }
    }
}
