package io.backstop.vault;

/**
 * A typed refusal: nothing changed.
 *
 * @param code   why, stable
 * @param detail what exactly, for a human
 */
public record Rejection(RejectionCode code, String detail) {
}
