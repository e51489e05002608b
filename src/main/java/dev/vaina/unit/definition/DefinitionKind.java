package dev.vaina.unit.definition;

/**
 * The kinds of definition file, by extension, with the section that describes each and the service each
 * becomes: app.container -> app.service, web.pod -> pod-web.service (vaina's pod units), data.volume ->
 * data-volume.service, net.network -> net-network.service, x.image -> x-image.service.
 */
public enum DefinitionKind {
    CONTAINER("container", "Container"),
    POD("pod", "Pod"),
    VOLUME("volume", "Volume"),
    NETWORK("network", "Network"),
    IMAGE("image", "Image"),
    KUBE("kube", "Kube"),
    BUILD("build", "Build");

    private final String extension;
    private final String section;

    DefinitionKind(String extension, String section) {
        this.extension = extension;
        this.section = section;
    }

    public String extension() {
        return extension;
    }

    /** The section that holds what this kind is about: [Container], [Pod], ... */
    public String section() {
        return section;
    }

    /** Whether vaina converts files of this kind yet; .kube and .build are recognised and refused. */
    public boolean supported() {
        return this != KUBE && this != BUILD;
    }

    /** The kind of a file by its extension, or null when it is no definition file. */
    public static DefinitionKind ofFile(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String extension = fileName.substring(dot + 1);
        for (DefinitionKind kind : values()) {
            if (kind.extension.equals(extension)) {
                return kind;
            }
        }
        return null;
    }

    /**
     * The service a file of this base name becomes when ServiceName= does not say. A template's instance
     * part stays after the "@": web@.pod -> pod-web@.service, data@x.volume -> data-volume@x.service.
     */
    public String defaultServiceName(String base) {
        int at = base.indexOf('@');
        String name = at < 0 ? base : base.substring(0, at);
        String instance = at < 0 ? "" : base.substring(at);
        String service = switch (this) {
            case CONTAINER -> name;
            case POD -> "pod-" + name;
            default -> name + "-" + extension;
        };
        return service + instance + ".service";
    }
}
