# glyphstream image: the project's jar and its libraries on a Java 17 runtime.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY .mvn .mvn
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY schemas schemas
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/glyphstream.jar /app/glyphstream.jar
COPY --from=build /src/target/lib /app/lib
COPY models /app/models
ENTRYPOINT ["java", "-Xmx2g", "-jar", "/app/glyphstream.jar"]
CMD ["--help"]
