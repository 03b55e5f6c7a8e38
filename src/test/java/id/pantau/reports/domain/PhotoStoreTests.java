package id.pantau.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, item 12: photos of persons are readable by Pantau's own account only. */
class PhotoStoreTests {

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F' };

	@TempDir
	Path temp;

	@Test
	void aStoredPhotoIsOwnerOnlyInOwnerOnlyFolders() throws Exception {
		Path storage = temp.resolve("data/files");
		PhotoStore store = new PhotoStore(storage);
		PhotoStore.Stored stored = store.store(new PhotoStore.Prepared(JPEG, "image/jpeg"));

		assertThat(mode(storage.resolve("photos").resolve(stored.id().toString()))).isEqualTo("rw-------");
		assertThat(mode(storage.resolve("photos"))).isEqualTo("rwx------");
		assertThat(mode(storage)).isEqualTo("rwx------");
		assertThat(mode(storage.getParent())).as("a missing parent is made private too").isEqualTo("rwx------");
		assertThat(store.read(stored.id())).isEqualTo(JPEG);
	}

	@Test
	void photosAndFoldersAnEarlierVersionLeftReadableAreClosedAtStart() throws Exception {
		Path storage = Files.createDirectories(temp.resolve("files"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		Path photos = Files.createDirectories(storage.resolve("photos"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		Path old = Files.write(photos.resolve("0b7f3c1e-0000-4000-8000-000000000001"), JPEG);
		Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
		Files.setPosixFilePermissions(storage, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(photos, PosixFilePermissions.fromString("rwxr-xr-x"));

		new PhotoStore(storage);

		assertThat(mode(old)).isEqualTo("rw-------");
		assertThat(mode(photos)).isEqualTo("rwx------");
		assertThat(mode(storage)).isEqualTo("rwx------");
	}

	@Test
	void aJpegWhoseHeaderClaimsMorePixelsThanAnyPhoneIsNotDecodedToTurnIt() {
		byte[] photo = id.pantau.TestPhotos.jpegWithOrientation(6, false);
		int frame = 2;
		while (!((photo[frame] & 0xFF) == 0xFF && (photo[frame + 1] & 0xFF) == 0xC0)) {
			frame++;
		}
		photo[frame + 5] = (byte) 0x4E; // height 20,000
		photo[frame + 6] = (byte) 0x20;
		photo[frame + 7] = (byte) 0x4E; // width 20,000: 400 megapixels claimed in a few hundred bytes
		photo[frame + 8] = (byte) 0x20;

		long started = System.nanoTime();
		byte[] kept = PhotoStore.upright(photo);

		assertThat(kept).isSameAs(photo);
		assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(2));
	}

	@Test
	void aJpegTakenUprightIsTurnedAndOneWithoutOrientationIsLeftAsItIs() throws Exception {
		byte[] plain = id.pantau.TestPhotos.jpeg();
		assertThat(PhotoStore.upright(plain)).isSameAs(plain);

		byte[] turned = PhotoStore.upright(id.pantau.TestPhotos.jpegWithOrientation(8, true));
		java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(turned));
		assertThat(picture.getWidth()).isEqualTo(20);
		assertThat(picture.getHeight()).isEqualTo(40);
		int top = picture.getRGB(10, 5);
		assertThat(top & 0xFF).as("a quarter turn anticlockwise: the right (blue) half on top")
				.isGreaterThan((top >> 16) & 0xFF);
	}

	private static String mode(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}
}
