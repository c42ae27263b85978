package org.shopcast.cli.btyd;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code --model} values, naming the accepted ones on a mistake. */
final class ModelNameConverter implements ITypeConverter<ModelName> {
  @Override
  public ModelName convert(String value) {
    try {
      return ModelName.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
