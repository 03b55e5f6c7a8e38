package id.pantau.reference.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses idn-area-data's degrees-minutes-seconds coordinates, e.g. {@code 05°42'04.00" S 132°16'14.00" E}. */
final class Coordinates {

	private static final Pattern DMS = Pattern
			.compile("(\\d+)°(\\d+)'([\\d.]+)\"\\s*([NS])\\s+(\\d+)°(\\d+)'([\\d.]+)\"\\s*([EW])");

	private Coordinates() {
	}

	record Point(BigDecimal lat, BigDecimal lon) {
	}

	static Optional<Point> parse(String dms) {
		Matcher m = dms == null ? null : DMS.matcher(dms.trim());
		if (m == null || !m.matches()) {
			return Optional.empty();
		}
		BigDecimal lat = decimal(m.group(1), m.group(2), m.group(3), m.group(4).equals("S"));
		BigDecimal lon = decimal(m.group(5), m.group(6), m.group(7), m.group(8).equals("W"));
		return Optional.of(new Point(lat, lon));
	}

	private static BigDecimal decimal(String degrees, String minutes, String seconds, boolean negative) {
		double value = Double.parseDouble(degrees) + Double.parseDouble(minutes) / 60 + Double.parseDouble(seconds) / 3600;
		BigDecimal result = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
		return negative ? result.negate() : result;
	}
}
