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
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
