-- Account numbers and IBANs are encrypted by the application (AES-256-GCM, key payout.encryption.key) on every
-- write. SQL has no key, so this migration cannot encrypt rows written before: they stay plaintext, and reads accept
-- both (a value without the enc:v1: prefix is legacy plaintext). Re-importing or re-creating a payout does not
-- rewrite an existing row; a later application-side backfill may encrypt them.
COMMENT ON COLUMN payouts.iban IS
    'enc:v1:<base64(iv|ciphertext+tag)> (AES-256-GCM, payout.encryption.key); legacy rows may hold plaintext';
COMMENT ON COLUMN payouts.account_number IS
    'enc:v1:<base64(iv|ciphertext+tag)> (AES-256-GCM, payout.encryption.key); legacy rows may hold plaintext';
COMMENT ON COLUMN payouts.external_account_id IS
    'encrypted like iban for payouts created through the API (it holds their account); plaintext id for CSV imports';
