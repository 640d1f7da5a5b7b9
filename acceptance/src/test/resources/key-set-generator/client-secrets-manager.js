// Stand-in for @aws-sdk/client-secrets-manager (which Lambda's Node.js runtime provides) for KeySetGeneratorTest:
// keeps each secret's value in a file (STUB_SECRET_FILES: {"<secret id>": "<file>"}) and lists every call in
// STUB_CALLS_FILE. A secret id it does not know fails as ResourceNotFoundException.
// STUB_FAILURE=<error name> makes every call fail as the SDK does, with an error of that name.
const fs = require('node:fs');

class GetSecretValueCommand {
  constructor(input) { this.input = input; }
}

class PutSecretValueCommand {
  constructor(input) { this.input = input; }
}

class SecretsManagerClient {
  async send(command) {
    fs.appendFileSync(process.env.STUB_CALLS_FILE, `${command.constructor.name} ${command.input.SecretId}\n`);
    if (process.env.STUB_FAILURE) {
      const error = new Error('stubbed failure');
      error.name = process.env.STUB_FAILURE;
      throw error;
    }
    const file = JSON.parse(process.env.STUB_SECRET_FILES)[command.input.SecretId];
    if (!file) {
      const error = new Error(`Secrets Manager can't find the specified secret.`);
      error.name = 'ResourceNotFoundException';
      throw error;
    }
    if (command instanceof GetSecretValueCommand) {
      return { ARN: command.input.SecretId, SecretString: fs.readFileSync(file, 'utf8') };
    }
    fs.writeFileSync(file, command.input.SecretString);
    return { ARN: command.input.SecretId };
  }
}

module.exports = { SecretsManagerClient, GetSecretValueCommand, PutSecretValueCommand };
