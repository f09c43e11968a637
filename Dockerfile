# syntax=docker/dockerfile:1
# Build with the Maven wrapper on a JDK, run on a JRE of the same Java as a non-root user.
# CPU image by default; see README "Run on a GPU" for the CUDA variant.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -ntp -DskipTests package \
 && java -Djarmode=tools -jar target/seqcast-*.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/seqcast seqcast \
 && mkdir -p /var/lib/seqcast /opt/djl \
 && chown seqcast /var/lib/seqcast /opt/djl
# libtorch is extracted at build time, so the container starts offline with a read-only home.
ENV DJL_CACHE_DIR=/opt/djl \
    ENGINE_CACHE_DIR=/opt/djl \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER seqcast
RUN java -cp "/app/BOOT-INF/classes:/app/BOOT-INF/lib/*" io.seqcast.engine.internal.NativeSetup
# ./data of the service is the volume.
WORKDIR /var/lib/seqcast
VOLUME /var/lib/seqcast
EXPOSE 8080
ENTRYPOINT ["java", "-cp", "/app", "org.springframework.boot.loader.launch.JarLauncher"]
