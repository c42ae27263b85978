/**
 * Triggers: rules from a JSON config matched against the events (in the ingestion transaction or on
 * a timer), written to an outbox table and posted to a webhook with at-least-once delivery.
 */
package org.shopcast.server.triggers;
