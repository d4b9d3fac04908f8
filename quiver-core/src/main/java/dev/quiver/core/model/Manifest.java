package dev.quiver.core.model;

import java.util.List;

/**
 * What an app's {@code AndroidManifest.xml} declares, as analysts read it: identity, the permissions it
 * requests and defines, the {@code application} attributes that matter for security, and its components
 * with their intent filters. Built by {@code dev.quiver.core.manifest.ManifestReader} from binary XML
 * (APK) or text (apktool tree); stored in the {@code manifests}, {@code permissions}, {@code components},
 * {@code intent_filters} and {@code intent_filter_items} tables (docs/SCHEMA.md).
 *
 * @param packageName the {@code package} attribute, or null
 * @param versionCode {@code android:versionCode}, or null
 * @param versionName {@code android:versionName}, or null
 * @param minSdk      {@code uses-sdk android:minSdkVersion} (apktool keeps it in apktool.yml), or null
 * @param targetSdk   {@code uses-sdk android:targetSdkVersion}, or null
 * @param source      where it was read: {@code binary} (an APK's compiled XML) or {@code text} (a decoded tree)
 */
public record Manifest(String packageName, Long versionCode, String versionName, Integer minSdk, Integer targetSdk,
                       String source, Application application, List<Permission> permissions,
                       List<Component> components) {
    public Manifest {
        permissions = List.copyOf(permissions);
        components = List.copyOf(components);
    }

    /**
     * The target SDK Android applies: {@code targetSdkVersion}, else {@code minSdkVersion}, else 1 (what
     * Android assumes for an app that declares neither).
     */
    public int effectiveTargetSdk() {
        return targetSdk != null ? targetSdk : minSdk != null ? minSdk : 1;
    }

    /**
     * The {@code <application>} element's attributes. Booleans are null when the attribute is absent (Android's
     * default applies) or not a literal (a resource reference); {@code *Attr} keep the text as written then.
     *
     * @param name       {@code android:name} as written
     * @param className  the Application subclass as a descriptor ({@code Lcom/a/App;}), or null
     */
    public record Application(String name, String className, Boolean debuggable, Boolean allowBackup,
                              Boolean usesCleartextTraffic, String networkSecurityConfig, Boolean testOnly,
                              String permission, String process, Boolean enabled, String appComponentFactory,
                              String backupAgent) {
        /** An app without an {@code <application>} element. */
        public static final Application NONE = new Application(null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /**
     * A permission the app requests ({@code uses-permission}, {@code uses-permission-sdk-23}) or defines
     * ({@code permission}, {@code permission-tree}).
     *
     * @param protectionLevel for a defined permission: {@code normal}, {@code dangerous}, {@code signature},
     *                        ... with flags ({@code signature|privileged}); null for a requested one
     * @param maxSdk          {@code android:maxSdkVersion} of a request, or null
     */
    public record Permission(String kind, String name, String protectionLevel, Integer maxSdk) {
    }

    /**
     * A component: {@code activity}, {@code activity-alias}, {@code service}, {@code receiver} or {@code provider}.
     *
     * @param name           {@code android:name} as written ({@code .MainActivity})
     * @param className      that name as a class descriptor, resolved against the package ({@code Lcom/a/MainActivity;})
     * @param exported       whether other apps can reach it: explicit, or implied (intent filter, target SDK); null
     *                       when it cannot be known (a resource reference)
     * @param exportedReason how {@code exported} was decided ({@code explicit}, {@code intent-filter}, ...)
     * @param permission     the permission callers need: the component's own, else the application's
     * @param enabled        false when the component or the whole application is disabled
     * @param authorities    a provider's authorities, else null
     * @param targetActivity an activity-alias's target as a descriptor, else null
     */
    public record Component(String kind, String name, String className, Boolean exported, String exportedReason,
                            String permission, String readPermission, String writePermission, String process,
                            Boolean enabled, String authorities, String targetActivity, List<IntentFilter> filters) {
        public Component {
            filters = List.copyOf(filters);
        }
    }

    /**
     * One {@code <intent-filter>}.
     *
     * @param data one entry per {@code <data>} element: its attributes as {@code scheme=https host=example.com}
     */
    public record IntentFilter(Integer priority, List<String> actions, List<String> categories, List<String> data) {
        public IntentFilter {
            actions = List.copyOf(actions);
            categories = List.copyOf(categories);
            data = List.copyOf(data);
        }
    }
}
