package org.shopcast.forecast.neural;

import ai.djl.ndarray.NDArray;
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
 * One GRU layer (Cho et al. 2014) over a window of scaled values (B, W, 1), and a linear head on
 * the last state giving all {@code horizon} steps at once (direct multi-horizon output, B × h).
 */
final class WindowNetwork extends AbstractBlock {
  private final int hidden;
  private final GRU gru;
  private final Linear head;

  WindowNetwork(int hidden, int horizon) {
    this.hidden = hidden;
    gru =
        addChildBlock(
            "gru",
            GRU.builder()
                .setStateSize(hidden)
                .setNumLayers(1)
                .optBatchFirst(true)
                .optReturnState(false)
                .build());
    head = addChildBlock("head", Linear.builder().setUnits(horizon).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray states = gru.forward(store, inputs, training).head();
    return head.forward(store, new NDList(states.get(":, -1, :")), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return head.getOutputShapes(new Shape[] {new Shape(inputs[0].get(0), hidden)});
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    gru.initialize(manager, dataType, inputs[0]);
    head.initialize(manager, dataType, new Shape(inputs[0].get(0), hidden));
  }
}
