package org.shopcast.recommend.gru;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The GRU4Rec network as a DJL block: item embedding, one GRU step, then scores of the candidate
 * items as {@code W_out[c] · h + b_out[c]}. Inputs: the current items {@code [B]} (int), the hidden
 * state {@code [1, B, H]} and the candidate items {@code [C]} (int); outputs: scores {@code [B, C]}
 * and the new hidden state {@code [1, B, H]}. One time step per call, as GRU4Rec's session-parallel
 * training carries the state between mini-batches without back-propagating through it.
 */
final class Gru4RecNet extends AbstractBlock {
  static final String EMBEDDING = "embedding";
  static final String OUT_WEIGHT = "outWeight";
  static final String OUT_BIAS = "outBias";

  private final Parameter embedding;
  private final Parameter outWeight;
  private final Parameter outBias;
  private final GRU gru;
  private final int embeddingSize;
  private final float dropout;

  Gru4RecNet(int items, Gru4RecOptions options) {
    this.embeddingSize = options.embeddingSize();
    this.dropout = (float) options.dropout();
    embedding =
        addParameter(
            Parameter.builder()
                .setName(EMBEDDING)
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(items, options.embeddingSize()))
                .build());
    outWeight =
        addParameter(
            Parameter.builder()
                .setName(OUT_WEIGHT)
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(items, options.hiddenSize()))
                .build());
    outBias =
        addParameter(
            Parameter.builder()
                .setName(OUT_BIAS)
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(items, 1))
                .build());
    gru =
        addChildBlock(
            "gru",
            GRU.builder()
                .setStateSize(options.hiddenSize())
                .setNumLayers(1)
                .optBatchFirst(true)
                .optReturnState(true)
                .build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray items = inputs.get(0);
    NDArray state = inputs.get(1);
    NDArray candidates = inputs.get(2);
    Device device = items.getDevice();
    NDArray x =
        Embedding.embedding(items, store.getValue(embedding, device, training), SparseFormat.DENSE)
            .head();
    NDList step = gru.forward(store, new NDList(x.expandDims(1), state), training);
    NDArray hidden = step.get(0).squeeze(1);
    if (training && dropout > 0) {
      hidden = Dropout.dropout(hidden, dropout, true).head();
    }
    NDArray w =
        Embedding.embedding(
                candidates, store.getValue(outWeight, device, training), SparseFormat.DENSE)
            .head();
    NDArray b =
        Embedding.embedding(
                candidates, store.getValue(outBias, device, training), SparseFormat.DENSE)
            .head();
    NDArray scores = hidden.matMul(w.transpose()).add(b.transpose());
    return new NDList(scores, step.get(1));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[2].get(0)), inputShapes[1]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    gru.initialize(
        manager, dataType, new Shape(inputShapes[0].get(0), 1, embeddingSize), inputShapes[1]);
  }
}
