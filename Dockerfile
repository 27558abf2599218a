# One image per service, from the same multi-stage build:
#   docker build --build-arg SERVICE=share-api -t shareflow/share-api .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
ARG SERVICE
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/service.jar
USER 1000
# The heap settings of README.md "Memory" (local-stack uses the same, ServiceProcess.DEFAULT_JVM_OPTIONS); JAVA_OPTS
# overrides them.
ENV MALLOC_ARENA_MAX=2 \
    JAVA_OPTS="-Xms64m -Xmx160m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:MaxDirectMemorySize=64m -XX:TrimNativeHeapInterval=5000"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/service.jar"]
