/**
 * {@code ./backstop}'s command tree (picocli): pricing, implied volatility, the simulator and the service's
 * start. The libraries it drives know nothing of command lines.
 */
package io.backstop.cli;
