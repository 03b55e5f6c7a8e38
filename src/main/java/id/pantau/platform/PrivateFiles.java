package id.pantau.platform;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders that hold personal data or secrets (photos, backups, keys, passwords): readable by the operating
 * system account that runs Pantau only, files 0600 and folders 0700. The permissions are given when a file or folder is
 * created, never afterwards, so there is no moment in which another local account could open it. On a file system
 * without POSIX permissions (Windows) files keep what their folder gives them.
 */
public final class PrivateFiles {

	public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private PrivateFiles() {
	}

	/**
	 * Creates {@code folder} and its missing parents as 0700; an existing {@code folder} (from an earlier version) is
	 * made 0700 too. Parents that already exist are left as they are: they may be the operator's.
	 */
	public static Path folder(Path folder) throws IOException {
		if (!POSIX) {
			return Files.createDirectories(folder);
		}
		if (Files.isDirectory(folder)) {
			Files.setPosixFilePermissions(folder, FOLDER);
			return folder;
		}
		Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
		return folder;
	}

	/** Writes a new file (it must not exist) as 0600. */
	public static void write(Path file, byte[] bytes) throws IOException {
		Files.write(createFile(file), bytes, StandardOpenOption.TRUNCATE_EXISTING);
	}

	/** Creates a new empty file (it must not exist) as 0600, for a program that then writes into it. */
	public static Path createFile(Path file) throws IOException {
		return POSIX ? Files.createFile(file, fileAttribute()) : Files.createFile(file);
	}

	/** Makes every regular file directly inside {@code folder} 0600 (files written by an earlier version). */
	public static void restrictFiles(Path folder) throws IOException {
		if (!POSIX || !Files.isDirectory(folder)) {
			return;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
			for (Path file : files) {
				if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
						&& !Files.getPosixFilePermissions(file).equals(FILE)) {
					Files.setPosixFilePermissions(file, FILE);
				}
			}
		}
	}

	private static FileAttribute<Set<PosixFilePermission>> fileAttribute() {
		return PosixFilePermissions.asFileAttribute(FILE);
	}
}
