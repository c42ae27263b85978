package org.shopcast.predict.sequence;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The network: event-type and category embeddings (bias-free linear maps of one-hot indices, so
 * index 0, the padding, has a learned vector too), concatenated with the two time features, one GRU
 * layer (Cho et al., "Learning Phrase Representations using RNN Encoder-Decoder for Statistical
 * Machine Translation", EMNLP 2014) over the right-aligned sequence, and a linear head on the last
 * state giving the purchase logit. Inputs: types (B, L) and categories (B, L) as INT64, time
 * features (B, L, 2) as FLOAT32; output: logits (B, 1).
 */
final class GruNetwork extends AbstractBlock {
  private static final int TYPE_VOCABULARY = EventSequences.TYPES.size() + 1;

  private final int categoryVocabulary;
  private final SequenceOptions options;
  private final Linear typeEmbedding;
  private final Linear categoryEmbedding;
  private final GRU gru;
  private final Linear head;

  GruNetwork(SequenceOptions options, int categoryVocabulary) {
    this.options = options;
    this.categoryVocabulary = categoryVocabulary;
    typeEmbedding =
        addChildBlock("type", Linear.builder().setUnits(options.typeDim()).optBias(false).build());
    categoryEmbedding =
        addChildBlock(
            "category", Linear.builder().setUnits(options.categoryDim()).optBias(false).build());
    gru =
        addChildBlock(
            "gru",
            GRU.builder()
                .setStateSize(options.hidden())
                .setNumLayers(1)
                .optBatchFirst(true)
                .optReturnState(false)
                .build());
    head = addChildBlock("head", Linear.builder().setUnits(1).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray types = inputs.get(0).oneHot(TYPE_VOCABULARY);
    NDArray categories = inputs.get(1).oneHot(categoryVocabulary);
    NDArray t = typeEmbedding.forward(store, new NDList(types), training).singletonOrThrow();
    NDArray c =
        categoryEmbedding.forward(store, new NDList(categories), training).singletonOrThrow();
    NDArray x = NDArrays.concat(new NDList(t, c, inputs.get(2)), 2);
    NDArray states = gru.forward(store, new NDList(x), training).head();
    NDArray last = states.get(":, -1, :");
    return head.forward(store, new NDList(last), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {new Shape(inputs[0].get(0), 1)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    long b = inputs[0].get(0);
    long l = inputs[0].get(1);
    typeEmbedding.initialize(manager, dataType, new Shape(b, l, TYPE_VOCABULARY));
    categoryEmbedding.initialize(manager, dataType, new Shape(b, l, categoryVocabulary));
    gru.initialize(
        manager,
        dataType,
        new Shape(b, l, options.typeDim() + options.categoryDim() + EventSequences.NUMERIC));
    head.initialize(manager, dataType, new Shape(b, options.hidden()));
  }
}
