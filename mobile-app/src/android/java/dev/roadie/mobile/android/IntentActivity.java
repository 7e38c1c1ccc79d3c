package dev.roadie.mobile.android;

import android.app.Activity;
import android.content.Intent;
import android.os.Bundle;
import android.util.Log;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Receives what Android hands the app (a voice search, a share, a roadie:// link), writes it
 * where the JavaFX app reads it (roadie-intents/ in the app's files folder, the private storage
 * Attach names; dev.roadie.mobile.platform.IntentSpool reads the same format), and brings the
 * JavaFX activity forward. It shows nothing itself (Theme.NoDisplay) and finishes at once.
 *
 * <p>Written for Android's Java (language level 8, Android API stubs only): it shares no code
 * with the app, which runs as a native image beside it.
 */
public final class IntentActivity extends Activity {
    private static final String TAG = "Roadie";
    /** Gluon's activity that hosts the JavaFX app. */
    private static final String JAVAFX_ACTIVITY = "com.gluonhq.helloandroid.MainActivity";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Override
    protected void onCreate(Bundle saved) {
        super.onCreate(saved);
        hand(getIntent());
        finish();
    }

    @Override
    protected void onNewIntent(Intent intent) {
        super.onNewIntent(intent);
        hand(intent);
        finish();
    }

    private void hand(Intent intent) {
        if (intent == null || intent.getAction() == null) {
            return;
        }
        Properties properties = new Properties();
        properties.setProperty("action", intent.getAction());
        if (intent.getType() != null) {
            properties.setProperty("type", intent.getType());
        }
        if (intent.getDataString() != null) {
            properties.setProperty("data", intent.getDataString());
        }
        Bundle extras = intent.getExtras();
        if (extras != null) {
            for (String name : extras.keySet()) {
                Object value = extras.get(name);
                if (value instanceof CharSequence) {
                    properties.setProperty("extra." + name, value.toString());
                }
            }
        }
        try {
            write(properties);
        } catch (IOException e) {
            Log.e(TAG, "Could not hand the intent " + intent.getAction() + " to the app", e);
            return;
        }
        Intent open = new Intent();
        open.setClassName(this, JAVAFX_ACTIVITY);
        open.addFlags(Intent.FLAG_ACTIVITY_NEW_TASK | Intent.FLAG_ACTIVITY_REORDER_TO_FRONT);
        startActivity(open);
    }

    /** To a temporary name, then renamed: the app never reads half a file. */
    private void write(Properties properties) throws IOException {
        File folder = new File(getFilesDir(), "roadie-intents");
        if (!folder.isDirectory() && !folder.mkdirs()) {
            throw new IOException("cannot create " + folder);
        }
        File temporary = File.createTempFile("incoming", ".tmp", folder);
        Writer out = new OutputStreamWriter(new FileOutputStream(temporary), "UTF-8");
        try {
            properties.store(out, null);
        } finally {
            out.close();
        }
        File file = new File(folder, String.format(java.util.Locale.ROOT, "%013d-%06d.intent",
                System.currentTimeMillis(), COUNTER.incrementAndGet()));
        if (!temporary.renameTo(file)) {
            throw new IOException("cannot rename " + temporary + " to " + file);
        }
    }
}
