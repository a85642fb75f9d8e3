/**
 * Oracle prices: which reported prices a vault accepts, the spot it trades on, and the time-weighted settlement
 * price of an expiry.
 */
package io.backstop.vault.oracle;
