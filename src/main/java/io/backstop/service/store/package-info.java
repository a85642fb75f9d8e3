/**
 * The books in PostgreSQL: one Hibernate Reactive entity per table of {@code V1__vault_books.sql}, and the
 * mapping between the engine's aggregates and their rows. No rule lives here.
 */
package io.backstop.service.store;
