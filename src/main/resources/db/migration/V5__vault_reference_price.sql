-- The operator states a reference price when opening a vault: its underlying's first oracle price must lie within
-- maxPriceJump of it (a first report of 0.000001 would otherwise set the scale every later price is judged by).
-- Vaults opened before this migration have prices already, so they need none.
ALTER TABLE vault ADD COLUMN reference_price BIGINT CHECK (reference_price > 0);
