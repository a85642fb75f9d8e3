-- The stress grid no longer prices volatility ×0.7 (a short-only book's liability can only be lower there, so that
-- column never set the worst case). Stored grids were [move 1 × 0.7, move 1 × 1.3, move 2 × 0.7, ...]: keep the
-- ×1.3 entries, the even positions, in order. An already reduced array of ten is left as it is.

UPDATE vault
   SET exposure = (SELECT json_agg(e ORDER BY i)::text
                     FROM json_array_elements(exposure::json) WITH ORDINALITY AS g(e, i)
                    WHERE i % 2 = 0)
 WHERE json_array_length(exposure::json) = 20;

UPDATE option_series
   SET stress_values = (SELECT json_agg(e ORDER BY i)::text
                          FROM json_array_elements(stress_values::json) WITH ORDINALITY AS g(e, i)
                         WHERE i % 2 = 0)
 WHERE json_array_length(stress_values::json) = 20;
