package org.shopcast.recommend.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.shopcast.recommend.session.SessionDataset;
import org.shopcast.recommend.session.SessionFormat;
import org.shopcast.recommend.session.SessionReader;
import org.shopcast.recommend.session.SessionSplit;
import org.shopcast.testkit.SharedData;

/**
 * The real splits of ../shared/data that the slow evaluation tests share; each skips the calling
 * test (a JUnit assumption) with a clear message when the file is absent.
 */
public final class SharedSplits {
  private static final String YOOCHOOSE = "yoochoose-rsc15-100k/yoochoose-clicks-100k_";

  private SharedSplits() {}

  /** Training sessions and test sessions encoded against the training items. */
  public record Split(SessionDataset train, SessionDataset test) {}

  /** The file {@code relative} of ../shared/data; skips the test when it is absent. */
  public static Path shared(String relative) {
    Optional<Path> file = SharedData.file(relative);
    assumeTrue(file.isPresent(), "skipped: ../shared/data/" + relative + " is absent");
    return file.get();
  }

  /** YOOCHOOSE 100k: the shipped train_full and test files (test sessions of length >= 2). */
  public static Split yoochoose100k() {
    SessionDataset train =
        SessionDataset.train(
            SessionReader.read(shared(YOOCHOOSE + "train_full.txt"), SessionFormat.YOOCHOOSE));
    SessionDataset test =
        SessionDataset.test(
            SessionReader.read(shared(YOOCHOOSE + "test.txt"), SessionFormat.YOOCHOOSE),
            train.items(),
            2);
    return new Split(train, test);
  }

  /** The DIGINETICA sample: sessions of the last 7 days are the test set. */
  public static Split digineticaLastWeek() {
    SessionSplit split =
        SessionSplit.lastDays(
            SessionReader.read(
                shared("diginetica-sample/sample_train-item-views.csv"), SessionFormat.DIGINETICA),
            7);
    SessionDataset train = SessionDataset.train(split.train());
    return new Split(train, SessionDataset.test(split.test(), train.items(), 2));
  }
}
