// Command kubestrict reads a multi-document YAML stream (the output of `helm template`) on
// standard input and decodes every document strictly into its Kubernetes API type: unknown
// or misspelled fields, wrong value types and malformed quantities fail the check, which
// `helm lint` and `helm template` do not catch without a cluster.
//
//	helm template onedoor helm/onedoor | go run ./helm/onedoor/tests/kubestrict
//
// Kinds it does not know (custom resources) are reported and skipped.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	k8syaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"
)

var known = map[string]any{
	"v1/ConfigMap":                           corev1.ConfigMap{},
	"v1/Secret":                              corev1.Secret{},
	"v1/Service":                             corev1.Service{},
	"v1/ServiceAccount":                      corev1.ServiceAccount{},
	"apps/v1/Deployment":                     appsv1.Deployment{},
	"batch/v1/Job":                           batchv1.Job{},
	"autoscaling/v2/HorizontalPodAutoscaler": autoscalingv2.HorizontalPodAutoscaler{},
	"policy/v1/PodDisruptionBudget":          policyv1.PodDisruptionBudget{},
	"networking.k8s.io/v1/Ingress":           networkingv1.Ingress{},
	"networking.k8s.io/v1/NetworkPolicy":     networkingv1.NetworkPolicy{},
}

type header struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Metadata   struct {
		Name string `json:"name"`
	} `json:"metadata"`
}

func main() {
	label := "stdin"
	if len(os.Args) > 1 {
		label = os.Args[1]
	}
	reader := k8syaml.NewYAMLReader(bufio.NewReader(os.Stdin))
	checked, skipped, failed := 0, 0, 0
	for {
		doc, err := reader.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "kubestrict[%s]: reading input: %v\n", label, err)
			os.Exit(2)
		}
		if len(bytes.TrimSpace(stripComments(doc))) == 0 {
			continue
		}
		var h header
		if err := yaml.Unmarshal(doc, &h); err != nil {
			fmt.Printf("FAIL: [%s] not YAML: %v\n", label, err)
			failed++
			continue
		}
		id := fmt.Sprintf("%s %s/%s", h.APIVersion, h.Kind, h.Metadata.Name)
		proto, ok := known[h.APIVersion+"/"+h.Kind]
		if !ok {
			fmt.Printf("skip: [%s] %s (type not known to kubestrict)\n", label, id)
			skipped++
			continue
		}
		obj := reflect.New(reflect.TypeOf(proto)).Interface()
		if err := yaml.UnmarshalStrict(doc, obj); err != nil {
			fmt.Printf("FAIL: [%s] %s: %v\n", label, id, err)
			failed++
			continue
		}
		checked++
	}
	fmt.Printf("kubestrict[%s]: %d objects decoded strictly, %d skipped, %d failed\n", label, checked, skipped, failed)
	if failed > 0 || checked == 0 {
		os.Exit(1)
	}
}

func stripComments(doc []byte) []byte {
	var out bytes.Buffer
	for _, line := range bytes.Split(doc, []byte("\n")) {
		if t := bytes.TrimSpace(line); len(t) > 0 && t[0] != '#' {
			out.Write(line)
			out.WriteByte('\n')
		}
	}
	return out.Bytes()
}
