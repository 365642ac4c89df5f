// Every Terraform test file declares its scenarios through `describeTerraform`: on a machine without
// Terraform or without the provider in its mirror, the file says clearly that it did not run, and why.
import { describe, expect, it } from 'vitest';
import { probeTerraform } from './terraform.js';

const probe = await probeTerraform();

export function describeTerraform(title: string, body: () => void): void {
  if (!probe.ok) {
    console.log(`Terraform suite "${title}" not run: ${probe.reason}`);
    describe(title, () => {
      it('when Terraform or its AWS provider is missing, then the suite reports why it did not run', () => {
        expect(probe.reason).toMatch(/terraform|provider/i);
      });
    });
    return;
  }
  describe(`${title} (Terraform ${probe.version})`, body);
}
