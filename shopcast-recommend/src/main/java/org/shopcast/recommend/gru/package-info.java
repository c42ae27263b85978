/** GRU4Rec: a recurrent session model (Hidasi et al. 2016, 2018) trained with DJL on PyTorch. */
package org.shopcast.recommend.gru;
