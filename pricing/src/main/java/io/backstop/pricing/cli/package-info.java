/**
 * The {@code ./backstop price} and {@code ./backstop implied-vol} commands: CSV on standard input, CSV on standard
 * output, streamed a row at a time so that a million rows need no more memory than one.
 */
package io.backstop.pricing.cli;
