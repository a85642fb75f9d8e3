/** The {@link io.backstop.vault.buffer.InsuranceBuffer}: how it is funded and where its history lives. */
package io.backstop.vault.buffer;
