/**
 * The model registry of a workspace: versioned, atomically written model artefacts with their
 * provenance ({@code shopcast train}, {@code shopcast models}), and scoring every user with a saved
 * model into the {@code scores} table ({@code shopcast predict}).
 */
package org.shopcast.predict.registry;
