package org.shopcast.cli.predict;

import org.shopcast.predict.sequence.SequenceOptions;
import picocli.CommandLine.Option;

/** The GRU settings that {@code train --model gru} and {@code evaluate --model gru} share. */
public final class GruOptions {
  @Option(
      names = "--gru-events",
      paramLabel = "L",
      defaultValue = "50",
      description =
          "With --model gru: the most recent events per user (default: ${DEFAULT-VALUE}).")
  int events;

  @Option(
      names = "--gru-epochs",
      paramLabel = "N",
      defaultValue = "40",
      description =
          "With --model gru: passes over the training rows at most; training stops earlier after"
              + " 5 epochs without a better validation log loss (default: ${DEFAULT-VALUE}).")
  int epochs;

  /** The default settings with these events and epochs. */
  SequenceOptions options() {
    return new SequenceOptions().withMaxEvents(events).withMaxEpochs(epochs);
  }
}
