/**
 * Collateral: the {@link io.backstop.vault.collateral.CollateralPolicy} per sale and each series'
 * {@link io.backstop.vault.collateral.SeriesBook} of open interest and locked collateral.
 */
package io.backstop.vault.collateral;
