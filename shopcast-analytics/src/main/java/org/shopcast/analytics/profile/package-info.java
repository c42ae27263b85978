/** User profiles: one row per user, stored as the table {@code user_profiles} for reuse. */
package org.shopcast.analytics.profile;
