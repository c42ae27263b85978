/** User scores recomputed on request with the registry's newest models, with SHAP reasons. */
package org.shopcast.server.scores;
