# Build targets for `sam build` (template.yaml: CodeUri ".", Metadata BuildMethod: makefile).
#
# SAM copies the checkout into a scratch directory and runs `make build-<LogicalId>` there with
# ARTIFACTS_DIR set to .aws-sam/build/<LogicalId>. Building from the root keeps the parent pom and the
# `shared` module within reach of Maven; `-am` builds just what that one function needs. The function's
# shaded jar goes to $(ARTIFACTS_DIR)/lib/: Lambda's Java runtime puts every jar of lib/ on the class path,
# so the deployment package is that one jar, unchanged. Its entries are stored, not deflated (functions/pom.xml):
# the zip `sam deploy` makes of the build folder then compresses all classes as one stream, 7.1-7.6 MB a function.
#
# Needs JDK 25 (JAVA_HOME) and Maven on the machine that runs `sam build`.

MVN ?= mvn

# $(1): the module under functions/ (also its jar's name)
define package_function
	$(if $(ARTIFACTS_DIR),,$(error ARTIFACTS_DIR is not set: run this through `sam build`, or pass ARTIFACTS_DIR=<folder>))
	$(MVN) -q -B -pl functions/$(1) -am package -DskipTests
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp functions/$(1)/target/$(1).jar "$(ARTIFACTS_DIR)/lib/"
endef

.PHONY: build-CreateAccountFunction build-DeleteAccountFunction build-LoginFunction build-LogoutFunction \
	build-RefreshFunction build-VerifyFunction build-JwksFunction build-OpenIdConfigurationFunction \
	build-ChangePasswordFunction build-LogoutAllFunction build-GetProfileFunction build-UpdateProfileFunction \
	build-PasswordResetFunction build-PasswordResetConfirmFunction build-VerifyEmailFunction build-ResendEmailFunction

build-CreateAccountFunction:
	$(call package_function,create-account)

build-DeleteAccountFunction:
	$(call package_function,delete-account)

build-LoginFunction:
	$(call package_function,login)

build-LogoutFunction:
	$(call package_function,logout)

build-RefreshFunction:
	$(call package_function,refresh)

build-VerifyFunction:
	$(call package_function,verify)

build-JwksFunction:
	$(call package_function,jwks)

build-OpenIdConfigurationFunction:
	$(call package_function,openid-configuration)

build-ChangePasswordFunction:
	$(call package_function,change-password)

build-LogoutAllFunction:
	$(call package_function,logout-all)

build-GetProfileFunction:
	$(call package_function,get-profile)

build-UpdateProfileFunction:
	$(call package_function,update-profile)

build-PasswordResetFunction:
	$(call package_function,password-reset)

build-PasswordResetConfirmFunction:
	$(call package_function,password-reset-confirm)

build-VerifyEmailFunction:
	$(call package_function,verify-email)

build-ResendEmailFunction:
	$(call package_function,resend-email)
