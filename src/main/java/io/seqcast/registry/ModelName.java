package io.seqcast.registry;

import java.util.regex.Pattern;

/** Model and alias names: checked before any file system access, so no name can leave its folder. */
public final class ModelName {

    public static final String PATTERN = "^[a-z0-9][a-z0-9._-]{0,62}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private ModelName() {}

    public static String require(String name, String what) {
        if (name == null || !COMPILED.matcher(name).matches()) {
            throw new RegistryException.InvalidName(what, name);
        }
        return name;
    }
}
