package dev.roadie.mobile.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.companion.pairing.PairedHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token in Attach's private storage: its desktop implementation, ~/.gluon, here under a temporary home. */
class PhoneStoreTest {
    @TempDir
    Path home;

    @Test
    void the_paired_hub_is_kept_in_attachs_private_storage_readable_by_its_owner_only() throws Exception {
        String realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            PhoneStore store = PhoneStore.privateStorage();
            PairedHub paired = new PairedHub("http://hub.local:7070", "rd_secret", "Carol's phone");

            store.save(paired);

            assertThat(store.file()).isEqualTo(home.resolve(".gluon").resolve("roadie-hub.json"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
            assertThat(PhoneStore.privateStorage().load()).contains(paired);
            store.forget();
            assertThat(store.load()).isEmpty();
        } finally {
            System.setProperty("user.home", realHome);
        }
    }

    @Test
    void a_file_that_cannot_be_read_says_where_it_is_and_what_to_do() throws Exception {
        PhoneStore store = new PhoneStore(home);
        Files.writeString(store.file(), "{not json");

        assertThatThrownBy(store::load).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(store.file().toString()).hasMessageEndingWith("pair again to replace it");
    }
}
