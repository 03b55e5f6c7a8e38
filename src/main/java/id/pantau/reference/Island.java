package id.pantau.reference;

import java.math.BigDecimal;

public record Island(String code, String regencyCode, String name, BigDecimal lat, BigDecimal lon, boolean populated,
		boolean outermostSmall) {
}
