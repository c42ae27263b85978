/** Neighbourhood recommenders: item-kNN and the session kNN family (SKNN, V-SKNN). */
package org.shopcast.recommend.knn;
