package dev.autonomy.cli.plan;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.plan.map.LatLon;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code LAT,LON} options ({@code --start 43.7384,7.4246}); picocli names the option in its error. */
public final class LatLonConverter implements ITypeConverter<LatLon> {
  @Override
  public LatLon convert(String value) {
    try {
      return LatLon.parse(value, "point");
    } catch (InvalidInputException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
