package id.pantau.matching.linkage;

/** 64-bit hashes for keys: FNV-1a over the characters, then a finaliser that spreads the bits. */
final class Hashing {

	private Hashing() {
	}

	static long of(CharSequence text) {
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < text.length(); i++) {
			h ^= text.charAt(i);
			h *= 0x100000001b3L;
		}
		return mix(h);
	}

	static long mix(long z) {
		z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
		z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return z ^ (z >>> 33);
	}

	/** Order does not matter, repetitions do; 0 for none. */
	static long multiset(String[] items) {
		long sum = 0;
		for (String item : items) {
			sum += mix(of(item) + 0x9e3779b97f4a7c15L);
		}
		return items.length == 0 ? 0 : mix(sum + items.length);
	}
}
