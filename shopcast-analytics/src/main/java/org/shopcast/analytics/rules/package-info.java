/**
 * Market-basket analysis: frequent itemsets by FP-growth, association rules, and
 * frequently-bought-together lists over baskets of items.
 */
package org.shopcast.analytics.rules;
