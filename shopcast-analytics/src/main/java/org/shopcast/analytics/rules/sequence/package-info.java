/** Sequential patterns (PrefixSpan) over sequences of itemsets or symbols. */
package org.shopcast.analytics.rules.sequence;
