/**
 * Session-level purchase intent: the UCI "Online Shoppers Purchasing Intention" table (Sakar et al.
 * 2019) read into a feature matrix, a seeded stratified split and the evaluation of logistic
 * regression and XGBoost beside the majority and page-value baselines.
 */
package org.shopcast.predict.sessions;
