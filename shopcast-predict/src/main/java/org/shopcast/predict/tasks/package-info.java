/**
 * The per-user tasks beyond binary classification: spend in the next H days ({@code clv}) and days
 * to the next purchase ({@code time-to-purchase}, a discrete-time hazard model), with their metrics
 * and baselines, and the shared row building of all four tasks on a temporal split.
 */
package org.shopcast.predict.tasks;
