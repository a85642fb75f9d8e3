/**
 * The {@code ./backstop price} and {@code ./backstop implied-vol} commands (picocli): RFC 4180 CSV on standard
 * input, CSV on standard output, streamed a batch at a time so that a million rows need no more memory than one.
 */
package io.backstop.pricing.cli;
